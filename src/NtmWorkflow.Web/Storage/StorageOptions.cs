namespace NtmWorkflow.Web.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Folder of the blobs and staging area; relative paths start at the content root. A shared volume for several instances.</summary>
    public string Root { get; set; } = "data/files";

    /// <summary>The largest document accepted, in bytes (default 50 MB).</summary>
    public long MaxFileBytes { get; set; } = 50L * 1024 * 1024;
}
