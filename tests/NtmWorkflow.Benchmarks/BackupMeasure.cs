using System.Diagnostics;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using NtmWorkflow.Web.Backups;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Features.Backups;

namespace NtmWorkflow.Benchmarks;

public sealed record BackupResult(int Documents, long Bytes, double BackupSeconds, double IncrementalSeconds, double RestoreSeconds, bool Whole);

/// <summary>
/// Issue 18's backup and restore on the seeded dossiers and their papers: a first backup (every blob copied), a second
/// one (none copied), and a restore of the second into a fresh SQLite file or PostgreSQL database and document store,
/// verified as the restore command verifies it.
/// </summary>
public static class BackupMeasure
{
    public static async Task<BackupResult> RunAsync(BenchHost host)
    {
        var folder = Path.Combine(host.Folder, "backups");
        var first = await TimedBackupAsync(host, folder);
        var second = await TimedBackupAsync(host, folder);
        var backup = Path.Combine(folder, new BackupFolder(folder).CompleteBackups()[^1]);
        var manifest = await BackupManifest.ReadAsync(backup, CancellationToken.None);

        var live = host.Services.GetRequiredService<DatabaseConnection>();
        var restoredDatabase = "ntm_bench_restore_" + Guid.NewGuid().ToString("N");
        var target = live.Provider == DatabaseSetup.Postgres
            ? live with { ConnectionString = new NpgsqlConnectionStringBuilder(live.ConnectionString) { Database = restoredDatabase }.ToString() }
            : live with { ConnectionString = $"Data Source={Path.Combine(host.Folder, "restored", "ntm.db")}" };
        var restorer = new BackupRestorer(DatabaseBackups.For(target, host.Services.GetRequiredService<IOptions<BackupOptions>>().Value),
            Path.Combine(host.Folder, "restored", "files"), host.Services.GetRequiredService<IHostEnvironment>());
        var started = Stopwatch.GetTimestamp();
        var report = await restorer.RestoreAsync(backup, force: false, CancellationToken.None);
        var restore = Stopwatch.GetElapsedTime(started).TotalSeconds;
        if (host.PostgresServer is { } server)
        {
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{restoredDatabase}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        return new BackupResult(manifest.Documents, manifest.Size, first, second, restore, report.Healthy && report.Checked == manifest.Documents);
    }

    private static async Task<double> TimedBackupAsync(BenchHost host, string folder)
    {
        // Backups are named by the second.
        host.Clock.Skip(TimeSpan.FromSeconds(1));
        await using var scope = host.Services.CreateAsyncScope();
        var started = Stopwatch.GetTimestamp();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new TakeBackup.Command { Folder = folder });
        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }
}
