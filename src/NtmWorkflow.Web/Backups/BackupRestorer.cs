using Microsoft.Extensions.Options;
using NtmWorkflow.Web.Storage;

namespace NtmWorkflow.Web.Backups;

/// <summary>
/// Brings a backup back: its manifest verified first (any file missing or changed, and nothing is touched), then the
/// database, then the blobs into the document store, and last the same check as verify-storage on what came back.
/// </summary>
/// <param name="database">Where the database goes.</param>
/// <param name="storageRoot">The document store to fill (its <c>blobs/</c> folder).</param>
public sealed class BackupRestorer(IDatabaseBackup database, string storageRoot, IHostEnvironment environment)
{
    /// <exception cref="BackupDamagedException">The first file of the backup that is missing or not as listed.</exception>
    /// <exception cref="LiveDatabaseException">A database is there and <paramref name="force"/> is not set.</exception>
    public async Task<StorageVerifier.Report> RestoreAsync(string backup, bool force, CancellationToken cancellationToken)
    {
        var folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(backup));
        var manifest = await BackupManifest.ReadAsync(folder, cancellationToken);
        if (manifest.Database != database.FileName)
        {
            throw new InvalidOperationException($"Bản sao lưu {manifest.Name} của {manifest.Provider} không khôi phục được vào cơ sở dữ liệu đang cấu hình.");
        }
        await manifest.VerifyAsync(Path.GetDirectoryName(folder)!, cancellationToken);
        await database.RestoreAsync(Path.Combine(folder, manifest.Database), force, cancellationToken);
        var storage = new FileSystemDocumentStorage(Options.Create(new StorageOptions { Root = storageRoot }), environment);
        var root = Path.GetDirectoryName(folder)!;
        foreach (var blob in manifest.Blobs)
        {
            await using var content = File.OpenRead(Path.Combine(root, blob.Path));
            storage.Promote(await storage.StageAsync(content, long.MaxValue, cancellationToken));
        }
        await using var restored = database.OpenContext();
        return await new StorageVerifier(restored, storage).VerifyAsync(cancellationToken);
    }
}
