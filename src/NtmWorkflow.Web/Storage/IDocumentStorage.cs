namespace NtmWorkflow.Web.Storage;

/// <summary>
/// Where document bytes live. A file is first staged under a temporary name (hashed and size-checked while it
/// streams, flushed to disk), then promoted to its content-addressed place; its database row commits only after
/// that. A crash at any point leaves a temporary file or an unreferenced blob, both removed by <see cref="DeleteStale"/>.
/// </summary>
public interface IDocumentStorage
{
    /// <exception cref="FileTooLargeException">More than <paramref name="maxBytes"/> arrived; nothing is kept.</exception>
    Task<StagedFile> StageAsync(Stream content, long maxBytes, CancellationToken cancellationToken);

    /// <summary>Moves a staged file to the place its hash names; identical content is stored once.</summary>
    void Promote(StagedFile staged);

    void Discard(StagedFile staged);

    /// <exception cref="FileNotFoundException">No blob has this hash.</exception>
    /// <exception cref="StorageUnavailableException">The store itself cannot be reached.</exception>
    Stream OpenRead(string sha256);

    /// <summary>Every stored blob's hash, for integrity checks.</summary>
    IEnumerable<string> Blobs();

    /// <summary>Removes temporary files and blobs no row references, last written before <paramref name="olderThanUtc"/>.</summary>
    int DeleteStale(Func<string, bool> isReferenced, DateTime olderThanUtc);
}

/// <param name="Path">The staged file on local disk, for inspecting its content before it is promoted.</param>
public sealed record StagedFile(string Path, string Sha256, long Size);

/// <summary>The document store cannot be reached at all (its volume is missing): the caller should come back later.</summary>
public sealed class StorageUnavailableException(Exception inner) : Exception("The document store cannot be reached.", inner);

public sealed class FileTooLargeException(long limit) : Exception($"File exceeds {limit} bytes.")
{
    public long Limit { get; } = limit;
}
