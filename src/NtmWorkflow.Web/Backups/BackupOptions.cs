using Microsoft.Data.Sqlite;
using NtmWorkflow.Web.Data;

namespace NtmWorkflow.Web.Backups;

/// <summary>The <c>Backup</c> section: where backups go, when the scheduled one runs and how many are kept.</summary>
public sealed class BackupOptions
{
    public const string Section = "Backup";

    /// <summary>
    /// The backups folder; relative paths start at the content root. Unset: <c>backups</c> beside the SQLite file
    /// (<c>data/backups</c> by default), or <c>data/backups</c> on PostgreSQL. Best on another disk than the data.
    /// </summary>
    public string? Folder { get; set; }

    /// <summary>When the scheduled backup runs: a cron expression in Vietnam's time (default every day at 02:00).</summary>
    public string Schedule { get; set; } = "0 2 * * *";

    /// <summary>How many complete backups are kept; older ones are removed only after a new one succeeded.</summary>
    public int Retention { get; set; } = 7;

    /// <summary>
    /// How old the last successful backup may grow before the administration page warns and the health check reports
    /// Degraded: the schedule's period (a day for the default; set both together), plus <see cref="Grace"/>.
    /// </summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Time for a scheduled backup to run and for a failed one's retries.</summary>
    public TimeSpan Grace { get; set; } = TimeSpan.FromHours(2);

    /// <summary>The PostgreSQL client programs (the machine's <c>pg_dump</c> and <c>pg_restore</c>, of the server's major version or newer).</summary>
    public string PgDump { get; set; } = "pg_dump";

    public string PgRestore { get; set; } = "pg_restore";

    public string ResolveFolder(DatabaseConnection database, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(Folder))
        {
            return Path.GetFullPath(Folder, contentRoot);
        }
        return database.Provider == DatabaseSetup.Sqlite
            ? Path.Combine(Path.GetDirectoryName(new SqliteConnectionStringBuilder(database.ConnectionString).DataSource)!, "backups")
            : Path.GetFullPath("data/backups", contentRoot);
    }
}
