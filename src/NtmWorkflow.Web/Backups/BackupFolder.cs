using System.Globalization;
using System.Security.Cryptography;
using NtmWorkflow.Web.Storage;

namespace NtmWorkflow.Web.Backups;

/// <summary>
/// The backups folder: one folder per backup, <c>ntm-YYYYMMDDTHHMMSSZ</c>, made as <c>….partial</c> and renamed once its
/// manifest is written (so an interrupted backup never looks complete), beside one content-addressed store of blobs,
/// <c>blobs/ab/cd/&lt;sha256&gt;</c>, that every backup shares: a blob never changes, so it is copied once.
/// </summary>
public sealed class BackupFolder
{
    public const string BlobsFolder = "blobs";
    public const string PartialSuffix = ".partial";
    private const string Prefix = "ntm-";
    private const string NameFormat = "yyyyMMdd'T'HHmmss'Z'";
    private const int BufferSize = 81920;

    /// <summary>A partial backup this old is one whose process died: nothing is still writing it.</summary>
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromDays(1);

    public BackupFolder(string root)
    {
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Path.Combine(Root, BlobsFolder));
        Directory.CreateDirectory(TempFolder);
    }

    public string Root { get; }

    private string TempFolder => Path.Combine(Root, "tmp");

    public static string NameAt(DateTime utc) => Prefix + utc.ToString(NameFormat, CultureInfo.InvariantCulture);

    /// <summary>
    /// Held for a whole backup: a second backup at once (the command line beside the scheduled job) would prune blobs
    /// the first one counted on.
    /// </summary>
    /// <exception cref="IOException">Another backup holds it.</exception>
    public IDisposable Lock()
    {
        try
        {
            return new FileStream(Path.Combine(Root, ".lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (e is not DirectoryNotFoundException)
        {
            throw new IOException($"Một bản sao lưu khác đang chạy vào {Root}.", e);
        }
    }

    /// <summary>Creates the folder a new backup is written into.</summary>
    public string StartPartial(string name)
    {
        if (Directory.Exists(Path.Combine(Root, name)))
        {
            throw new IOException($"Đã có bản sao lưu {name}.");
        }
        var partial = Path.Combine(Root, name + PartialSuffix);
        Directory.CreateDirectory(partial);
        return partial;
    }

    public string Complete(string partial, string name)
    {
        var complete = Path.Combine(Root, name);
        Directory.Move(partial, complete);
        return complete;
    }

    /// <summary>The complete backups, oldest first (their names sort by time).</summary>
    public IReadOnlyList<string> CompleteBackups() =>
        Directory.EnumerateDirectories(Root, Prefix + "*")
            .Select(Path.GetFileName).OfType<string>()
            .Where(name => !name.EndsWith(PartialSuffix, StringComparison.Ordinal) && File.Exists(Path.Combine(Root, name, BackupManifest.FileName)))
            .Order(StringComparer.Ordinal)
            .ToList();

    public static string BlobPath(string sha256) => $"{BlobsFolder}/{sha256[..2]}/{sha256[2..4]}/{sha256}";

    /// <summary>
    /// Copies a blob of the document store into the shared store unless it is there already; the copy is hashed on the
    /// way and must match its name, then renamed into place, so the store never holds a torn or wrong blob.
    /// </summary>
    /// <returns>The blob as the manifest lists it, and whether it was copied now.</returns>
    public async Task<(BackupFile File, bool Copied)> StoreBlobAsync(string sha256, IDocumentStorage storage, CancellationToken cancellationToken)
    {
        var relative = BlobPath(sha256);
        var target = Path.Combine(Root, relative);
        if (File.Exists(target))
        {
            return (new BackupFile(relative, new FileInfo(target).Length, sha256), false);
        }
        var temp = Path.Combine(TempFolder, Guid.NewGuid().ToString("N"));
        try
        {
            long size;
            await using (var source = OpenBlob(storage, sha256))
            await using (var copy = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
            {
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = new byte[BufferSize];
                int read;
                while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await copy.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
                copy.Flush(flushToDisk: true);
                size = copy.Length;
                if (Convert.ToHexStringLower(hash.GetHashAndReset()) != sha256)
                {
                    throw new IOException($"Tệp {sha256} trong kho tài liệu sai nội dung; chạy verify-storage.");
                }
            }
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(temp, target);
            return (new BackupFile(relative, size, sha256), true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static Stream OpenBlob(IDocumentStorage storage, string sha256)
    {
        try
        {
            return storage.OpenRead(sha256);
        }
        catch (FileNotFoundException e)
        {
            throw new IOException($"Tài liệu có tệp {sha256} nhưng kho tài liệu không còn tệp này; chạy verify-storage.", e);
        }
    }

    /// <summary>
    /// After a backup succeeded: removes the oldest complete backups beyond <paramref name="keep"/>, partial ones left
    /// by a process that died, and the blobs no kept manifest lists.
    /// </summary>
    /// <returns>How many backups were removed.</returns>
    public async Task<int> PruneAsync(int keep, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var complete = CompleteBackups();
        var removed = complete.Take(Math.Max(0, complete.Count - Math.Max(1, keep))).ToList();
        foreach (var name in removed)
        {
            Directory.Delete(Path.Combine(Root, name), recursive: true);
        }
        foreach (var partial in Directory.EnumerateDirectories(Root, Prefix + "*" + PartialSuffix)
                     .Where(p => Directory.GetLastWriteTimeUtc(p) < nowUtc - AbandonedAfter))
        {
            Directory.Delete(partial, recursive: true);
        }
        var kept = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in complete.Except(removed))
        {
            kept.UnionWith((await BackupManifest.ReadAsync(Path.Combine(Root, name), cancellationToken)).Blobs.Select(b => b.Sha256));
        }
        foreach (var blob in Directory.EnumerateFiles(Path.Combine(Root, BlobsFolder), "*", SearchOption.AllDirectories)
                     .Where(b => !kept.Contains(Path.GetFileName(b))).ToList())
        {
            File.Delete(blob);
        }
        return removed.Count;
    }
}
