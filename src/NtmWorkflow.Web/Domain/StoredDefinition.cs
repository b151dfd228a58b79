namespace NtmWorkflow.Web.Domain;

/// <summary>
/// Every version of a workflow definition or criteria set ever started, kept verbatim: a dossier finishes on the
/// rules it began under even after the file in workflows/ moves on to a newer version.
/// </summary>
public sealed class StoredDefinition
{
    public const string Workflow = "workflow";
    public const string Criteria = "criteria";

    private StoredDefinition()
    {
    }

    public StoredDefinition(string kind, string id, int version, string contentHash, string content, string source, DateTime loadedAt)
    {
        Kind = kind;
        Id = id;
        Version = version;
        ContentHash = contentHash;
        Content = content;
        Source = source;
        FirstLoadedAt = loadedAt;
    }

    /// <summary><see cref="Workflow"/> (the YAML text) or <see cref="Criteria"/> (the resolved set as JSON).</summary>
    public string Kind { get; private set; } = "";

    public string Id { get; private set; } = "";

    public int Version { get; private set; }

    public string ContentHash { get; private set; } = "";

    public string Content { get; private set; } = "";

    public string Source { get; private set; } = "";

    public DateTime FirstLoadedAt { get; private set; }
}
