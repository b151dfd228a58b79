namespace NtmWorkflow.Web.Domain;

/// <summary>
/// One backup attempt, kept for the administration page and the health check. Written after the attempt ends, in the
/// live database (so a backup never holds its own record).
/// </summary>
public sealed class BackupRun
{
    private BackupRun()
    {
    }

    private BackupRun(DateTime startedAt, DateTime finishedAt, bool succeeded, string? name, long size, int documents, int blobsCopied, string? error)
    {
        StartedAt = startedAt;
        FinishedAt = finishedAt;
        Succeeded = succeeded;
        Name = name;
        Size = size;
        Documents = documents;
        BlobsCopied = blobsCopied;
        Error = error;
    }

    public static BackupRun Success(DateTime startedAt, DateTime finishedAt, string name, long size, int documents, int blobsCopied) =>
        new(startedAt, finishedAt, true, name, size, documents, blobsCopied, null);

    /// <summary>The error is cut to what the column holds: its start names the cause.</summary>
    public static BackupRun Failure(DateTime startedAt, DateTime finishedAt, string error) =>
        new(startedAt, finishedAt, false, null, 0, 0, 0, error.Length > MaxError ? error[..MaxError] : error);

    public const int MaxError = 4000;

    public long Id { get; private set; }

    public DateTime StartedAt { get; private set; }

    public DateTime FinishedAt { get; private set; }

    public bool Succeeded { get; private set; }

    /// <summary>The backup's folder under the backups folder (<c>ntm-YYYYMMDDTHHMMSSZ</c>); none for a failed run.</summary>
    public string? Name { get; private set; }

    /// <summary>Bytes of every file the backup needs (database and blobs, shared ones included).</summary>
    public long Size { get; private set; }

    public int Documents { get; private set; }

    /// <summary>Blobs copied by this run; the others were already in the backups' shared store.</summary>
    public int BlobsCopied { get; private set; }

    public string? Error { get; private set; }
}
