namespace NtmWorkflow.Web.Domain;

/// <summary>
/// One version of one paper of a dossier. Versions are only ever added: a supplement round uploads a new version,
/// and every earlier one stays listed and downloadable.
/// </summary>
public sealed class DossierDocument
{
    private DossierDocument()
    {
    }

    internal DossierDocument(Guid dossierId, string type, int version, string fileName, string contentType, long size,
        string sha256, string stage, bool isPublic, IReadOnlyList<int> criteria, Actor actor, DateTime at)
    {
        Criteria = [.. criteria];
        Id = Guid.CreateVersion7(new DateTimeOffset(at, TimeSpan.Zero));
        DossierId = dossierId;
        Type = type;
        Version = version;
        FileName = fileName;
        ContentType = contentType;
        Size = size;
        Sha256 = sha256;
        Stage = stage;
        Public = isPublic;
        UploadedBy = actor.UserName;
        UploadedAt = at;
    }

    public Guid Id { get; private set; }

    public Guid DossierId { get; private set; }

    public string Type { get; private set; } = "";

    public int Version { get; private set; }

    /// <summary>The name shown and offered on download, sanitised from what the uploader's computer called it.</summary>
    public string FileName { get; private set; } = "";

    /// <summary>Told from the content, not the name.</summary>
    public string ContentType { get; private set; } = "";

    public long Size { get; private set; }

    public string Sha256 { get; private set; } = "";

    /// <summary>The stage it was uploaded in: the round it belongs to.</summary>
    public string Stage { get; private set; } = "";

    /// <summary>Its type is public in the definition (the draft report, the decision): anyone may download it.</summary>
    public bool Public { get; private set; }

    /// <summary>The numbers of the criteria this paper is evidence for.</summary>
    public List<int> Criteria { get; private set; } = [];

    public string UploadedBy { get; private set; } = "";

    public DateTime UploadedAt { get; private set; }
}
