namespace NtmWorkflow.Web.Domain;

/// <summary>
/// Every definition version ever started, kept verbatim: a dossier finishes on the rules it began under even
/// after the file in workflows/ moves on to a newer version.
/// </summary>
public sealed class StoredDefinition
{
    private StoredDefinition()
    {
    }

    public StoredDefinition(string id, int version, string contentHash, string content, string source, DateTime loadedAt)
    {
        Id = id;
        Version = version;
        ContentHash = contentHash;
        Content = content;
        Source = source;
        FirstLoadedAt = loadedAt;
    }

    public string Id { get; private set; } = "";

    public int Version { get; private set; }

    public string ContentHash { get; private set; } = "";

    public string Content { get; private set; } = "";

    public string Source { get; private set; } = "";

    public DateTime FirstLoadedAt { get; private set; }
}
