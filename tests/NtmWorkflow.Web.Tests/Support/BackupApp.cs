using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using NtmWorkflow.Web.Backups;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Features.Backups;

namespace NtmWorkflow.Web.Tests.Support;

/// <summary>The app keeping two backups, with e-mail written to a pickup folder so that notices to administrators are queued.</summary>
public sealed class BackupApp : NtmApp
{
    public const int Retention = 2;

    /// <summary>The databases restored into on PostgreSQL, dropped with the app.</summary>
    private readonly List<string> restoredDatabases = [];

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Backup:Retention", Retention.ToString()),
        new("Email:PickupFolder", Path.Combine(DataFolder, "mail")),
        new("Email:From", "ntm@dongthap.gov.vn"),
    ];

    /// <summary>A backups folder of the test's own, inside this app's temporary folder.</summary>
    public string NewBackupsFolder() => Path.Combine(DataFolder, "backups-" + Guid.NewGuid().ToString("N"));

    /// <summary>One backup as the scheduled job takes it, a minute after the last (backups are named by the second).</summary>
    public async Task BackUp(string folder)
    {
        Clock.Now = Clock.Now.AddMinutes(1);
        await RunJob(new TakeBackup.Command { Folder = folder });
    }

    /// <summary>A fresh place to restore into: a new SQLite file, or a new database on the test server; and its document store.</summary>
    public RestoreTarget NewRestoreTarget()
    {
        var folder = Path.Combine(DataFolder, "restore-" + Guid.NewGuid().ToString("N"));
        var live = Services.GetRequiredService<DatabaseConnection>();
        var connection = OnPostgres
            ? live with { ConnectionString = new NpgsqlConnectionStringBuilder(live.ConnectionString) { Database = "ntm_test_restore_" + Guid.NewGuid().ToString("N") }.ToString() }
            : live with { ConnectionString = $"Data Source={Path.Combine(folder, "ntm.db")}" };
        if (OnPostgres)
        {
            restoredDatabases.Add(connection.ConnectionString);
        }
        return new RestoreTarget(connection, DatabaseBackups.For(connection, Services.GetRequiredService<IOptions<BackupOptions>>().Value),
            Path.Combine(folder, "files"));
    }

    public BackupRestorer Restorer(RestoreTarget target) =>
        new(target.Database, target.StorageRoot, Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostEnvironment>());

    public override async Task DisposeAsync()
    {
        foreach (var database in restoredDatabases)
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database) { Database = "postgres" }.ToString());
            await connection.OpenAsync();
            var name = new NpgsqlConnectionStringBuilder(database).Database;
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        await base.DisposeAsync();
    }
}

public sealed record RestoreTarget(DatabaseConnection Connection, IDatabaseBackup Database, string StorageRoot);

/// <summary>
/// A backup test. On PostgreSQL (NTM_TEST_POSTGRES) it needs the machine's pg_dump and pg_restore: without them it is
/// skipped, saying so, rather than failing on a missing program.
/// </summary>
public sealed class BackupFactAttribute : FactAttribute
{
    public BackupFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("NTM_TEST_POSTGRES") is not null && !OnPath("pg_dump"))
        {
            Skip = "PostgreSQL backups need pg_dump and pg_restore on the PATH (apt-get install postgresql-client-15); not found, so skipped.";
        }
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(folder => File.Exists(Path.Combine(folder, program)));
}
