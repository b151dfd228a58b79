using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Web.Data;

namespace NtmWorkflow.Web.Backups;

/// <summary>
/// SQLite's online backup API copies the database page by page from one read transaction: under write-ahead logging a
/// reader never blocks the writer, so the server keeps writing while the copy runs, and the copy is the database as of
/// the moment its read began. The documents are then read from the copy, never from the live file.
/// </summary>
internal sealed class SqliteDatabaseBackup(string connectionString) : IDatabaseBackup
{
    public const string SnapshotFile = "ntm.db";

    public string FileName => SnapshotFile;

    private string LivePath => new SqliteConnectionStringBuilder(connectionString).DataSource;

    public async Task<DatabaseSnapshot> TakeAsync(string folder, CancellationToken cancellationToken)
    {
        var target = Path.Combine(folder, SnapshotFile);
        await using (var source = new SqliteConnection(connectionString))
        await using (var copy = new SqliteConnection(Unpooled(target)))
        {
            await source.OpenAsync(cancellationToken);
            await copy.OpenAsync(cancellationToken);
            source.BackupDatabase(copy);
        }
        await using var snapshot = Open(target);
        var hashes = await snapshot.Documents.AsNoTracking().Select(d => d.Sha256).ToListAsync(cancellationToken);
        return new DatabaseSnapshot(SnapshotFile, hashes.Count, hashes.ToHashSet());
    }

    /// <summary>Copied beside the target and renamed over it, its old write-ahead log removed so none is replayed onto it.</summary>
    public async Task RestoreAsync(string file, bool force, CancellationToken cancellationToken)
    {
        var target = LivePath;
        if (File.Exists(target) && !force)
        {
            throw new LiveDatabaseException(target);
        }
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = target + ".restoring";
        await using (var from = File.OpenRead(file))
        await using (var to = File.Create(temp))
        {
            await from.CopyToAsync(to, cancellationToken);
            to.Flush(flushToDisk: true);
        }
        SqliteConnection.ClearAllPools();
        File.Delete(target + "-wal");
        File.Delete(target + "-shm");
        File.Move(temp, target, overwrite: true);
    }

    public AppDbContext OpenContext() => Open(LivePath);

    private static SqliteAppDbContext Open(string path) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(Unpooled(path)).Options);

    /// <summary>Unpooled, so the file is closed (and its log folded back in) as soon as the work on it ends.</summary>
    private static string Unpooled(string path) => new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
}
