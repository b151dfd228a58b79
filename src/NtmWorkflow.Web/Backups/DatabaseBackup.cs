using NtmWorkflow.Web.Data;

namespace NtmWorkflow.Web.Backups;

/// <summary>What a snapshot of the database holds: its file in the backup, and the documents it lists.</summary>
/// <param name="BlobHashes">The distinct hashes of those documents: the blobs the backup must hold.</param>
public sealed record DatabaseSnapshot(string FileName, int Documents, IReadOnlyCollection<string> BlobHashes);

/// <summary>One provider's way to snapshot its database into a file, and to bring such a file back.</summary>
public interface IDatabaseBackup
{
    /// <summary>The snapshot's file name, which also tells the provider a backup was taken on.</summary>
    string FileName { get; }

    /// <summary>A consistent snapshot, taken without holding writers up, and the documents as that snapshot sees them.</summary>
    Task<DatabaseSnapshot> TakeAsync(string folder, CancellationToken cancellationToken);

    /// <exception cref="LiveDatabaseException">A database is there already and <paramref name="force"/> is not set.</exception>
    Task RestoreAsync(string file, bool force, CancellationToken cancellationToken);

    /// <summary>A context on this database outside the host (for checking what a restore brought back).</summary>
    AppDbContext OpenContext();
}

public static class DatabaseBackups
{
    public static IDatabaseBackup For(DatabaseConnection database, BackupOptions options) =>
        database.Provider == DatabaseSetup.Postgres
            ? new PostgresDatabaseBackup(database.ConnectionString, options)
            : new SqliteDatabaseBackup(database.ConnectionString);
}

/// <summary>A restore would overwrite a database that is there: refused unless asked for with --force.</summary>
public sealed class LiveDatabaseException(string where)
    : Exception($"Đã có cơ sở dữ liệu tại {where}; không ghi đè khi không có --force (dừng máy chủ trước khi khôi phục đè).");
