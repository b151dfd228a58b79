using System.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Jobs;

namespace NtmWorkflow.Web.Backups;

/// <summary>
/// <c>pg_dump -Fc</c> of the application's database. A REPEATABLE READ transaction exports its snapshot
/// (<c>pg_export_snapshot()</c>), reads the documents in it and stays open while <c>pg_dump --snapshot</c> dumps
/// exactly that snapshot: the blobs copied are those of the rows dumped. Neither holds up writers. The scheduler's schema
/// is left out: it holds job history only, and the scheduler installs it again on start.
/// </summary>
internal sealed class PostgresDatabaseBackup(string connectionString, BackupOptions options) : IDatabaseBackup
{
    public const string SnapshotFile = "ntm.dump";

    public string FileName => SnapshotFile;

    public async Task<DatabaseSnapshot> TakeAsync(string folder, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await using var export = new NpgsqlCommand("SELECT pg_export_snapshot()", connection, transaction);
        var snapshotId = (string)(await export.ExecuteScalarAsync(cancellationToken))!;
        List<string> hashes;
        await using (var db = new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(connection).Options))
        {
            await db.Database.UseTransactionAsync(transaction, cancellationToken);
            hashes = await db.Documents.AsNoTracking().Select(d => d.Sha256).ToListAsync(cancellationToken);
        }
        await PostgresTools.RunAsync(options.PgDump, connectionString,
            ["--format=custom", $"--snapshot={snapshotId}", $"--exclude-schema={SchedulerSetup.PostgresSchema}",
                $"--file={Path.Combine(folder, SnapshotFile)}"], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new DatabaseSnapshot(SnapshotFile, hashes.Count, hashes.ToHashSet());
    }

    /// <summary>
    /// Into the database the connection string names, created when missing. One that already holds the application's
    /// tables is replaced only with <paramref name="force"/> (pg_restore --clean).
    /// </summary>
    public async Task RestoreAsync(string file, bool force, CancellationToken cancellationToken)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database
            ?? throw new InvalidOperationException("ConnectionStrings:Postgres names no database to restore into.");
        await using (var db = OpenContext())
        {
            await DatabaseSetup.CreateIfMissingAsync(db, cancellationToken);
            if ((await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Any() && !force)
            {
                throw new LiveDatabaseException(database);
            }
        }
        await PostgresTools.RunAsync(options.PgRestore, connectionString,
            ["--exit-on-error", "--no-owner", $"--dbname={database}", .. force ? (string[])["--clean", "--if-exists"] : [], file],
            cancellationToken);
    }

    public AppDbContext OpenContext() =>
        new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(connectionString).Options);
}
