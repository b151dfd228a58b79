using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace NtmWorkflow.Web.Storage;

/// <summary>
/// Blobs on a file system under <c>Storage:Root</c>: <c>blobs/ab/cd/&lt;sha256&gt;</c> and <c>tmp/</c> for staging,
/// on the same volume so promotion is an atomic rename. Several instances share it as a mounted volume.
/// </summary>
public sealed class FileSystemDocumentStorage : IDocumentStorage
{
    private const int BufferSize = 81920;
    private readonly string blobs;
    private readonly string temp;

    public FileSystemDocumentStorage(IOptions<StorageOptions> options, IHostEnvironment environment)
    {
        var root = Path.GetFullPath(options.Value.Root, environment.ContentRootPath);
        blobs = Path.Combine(root, "blobs");
        temp = Path.Combine(root, "tmp");
        Directory.CreateDirectory(blobs);
        Directory.CreateDirectory(temp);
    }

    public async Task<StagedFile> StageAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        var path = Path.Combine(temp, Guid.NewGuid().ToString("N") + ".part");
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long size = 0;
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
            {
                var buffer = new byte[BufferSize];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    size += read;
                    if (size > maxBytes)
                    {
                        throw new FileTooLargeException(maxBytes);
                    }
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
            }
            return new StagedFile(path, Convert.ToHexStringLower(hash.GetHashAndReset()), size);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    public void Promote(StagedFile staged)
    {
        var target = BlobPath(staged.Sha256);
        if (File.Exists(target))
        {
            File.Delete(staged.Path);
            return;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        try
        {
            File.Move(staged.Path, target);
        }
        catch (IOException) when (File.Exists(target))
        {
            // Another upload of the same content won the rename: the bytes are already there.
            File.Delete(staged.Path);
        }
    }

    public void Discard(StagedFile staged) => File.Delete(staged.Path);

    public Stream OpenRead(string sha256)
    {
        try
        {
            return new FileStream(BlobPath(sha256), FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true);
        }
        catch (DirectoryNotFoundException e) when (!Directory.Exists(blobs))
        {
            // The whole store is gone, not one blob: an unmounted volume, say.
            throw new StorageUnavailableException(e);
        }
        catch (DirectoryNotFoundException e)
        {
            throw new FileNotFoundException($"No blob {sha256}.", e);
        }
    }

    public IEnumerable<string> Blobs() =>
        Directory.EnumerateFiles(blobs, "*", SearchOption.AllDirectories).Select(Path.GetFileName).OfType<string>();

    public int DeleteStale(Func<string, bool> isReferenced, DateTime olderThanUtc)
    {
        var stale = Directory.EnumerateFiles(temp)
            .Concat(Directory.EnumerateFiles(blobs, "*", SearchOption.AllDirectories).Where(f => !isReferenced(Path.GetFileName(f))))
            .Where(f => File.GetLastWriteTimeUtc(f) < olderThanUtc)
            .ToList();
        stale.ForEach(File.Delete);
        return stale.Count;
    }

    private string BlobPath(string sha256) =>
        sha256.Length == 64 && sha256.All(char.IsAsciiHexDigitLower)
            ? Path.Combine(blobs, sha256[..2], sha256[2..4], sha256)
            : throw new FileNotFoundException($"'{sha256}' is not a SHA-256 in lower-case hex.");
}
