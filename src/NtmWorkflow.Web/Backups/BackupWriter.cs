using Microsoft.Extensions.Options;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Storage;

namespace NtmWorkflow.Web.Backups;

/// <summary>What one backup wrote.</summary>
public sealed record BackupResult(string Name, string Folder, long Size, int Documents, int BlobsCopied, int BackupsRemoved);

/// <summary>
/// Takes one backup: the database's snapshot into a new partial folder, the blobs that snapshot references into the
/// shared store, the manifest last, then the rename that makes it complete; only then are old backups pruned, so a
/// failure at any step leaves every earlier backup as it was.
/// </summary>
public sealed class BackupWriter(
    DatabaseConnection database, IDocumentStorage storage, IOptions<BackupOptions> options, IHostEnvironment environment, TimeProvider clock)
{
    public string DefaultFolder => options.Value.ResolveFolder(database, environment.ContentRootPath);

    public async Task<BackupResult> TakeAsync(string? folder, CancellationToken cancellationToken)
    {
        var backups = new BackupFolder(folder is null ? DefaultFolder : Path.GetFullPath(folder));
        using var held = backups.Lock();
        var now = clock.GetUtcNow().UtcDateTime;
        var name = BackupFolder.NameAt(now);
        var partial = backups.StartPartial(name);
        var snapshot = await DatabaseBackups.For(database, options.Value).TakeAsync(partial, cancellationToken);
        var databaseFile = Path.Combine(partial, snapshot.FileName);
        List<BackupFile> files =
            [new($"{name}/{snapshot.FileName}", new FileInfo(databaseFile).Length, await BackupManifest.HashAsync(databaseFile, cancellationToken))];
        var copied = 0;
        foreach (var sha256 in snapshot.BlobHashes.Order(StringComparer.Ordinal))
        {
            var (blob, wasCopied) = await backups.StoreBlobAsync(sha256, storage, cancellationToken);
            files.Add(blob);
            copied += wasCopied ? 1 : 0;
        }
        var manifest = new BackupManifest(BackupManifest.CurrentFormat, name, database.Provider, now, snapshot.FileName, snapshot.Documents, files);
        await manifest.WriteAsync(partial, cancellationToken);
        var complete = backups.Complete(partial, name);
        var removed = await backups.PruneAsync(options.Value.Retention, now, cancellationToken);
        return new BackupResult(name, complete, manifest.Size, snapshot.Documents, copied, removed);
    }
}
