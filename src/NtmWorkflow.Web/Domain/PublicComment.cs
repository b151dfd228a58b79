namespace NtmWorkflow.Web.Domain;

/// <summary>
/// A resident's or an organisation's comment on a dossier during its public posting (góp ý). Anonymous: a name and a
/// way to reply are optional. Kept with the stage round it was given in, for the commune's summary of comments.
/// </summary>
public sealed class PublicComment
{
    private PublicComment()
    {
    }

    internal PublicComment(Guid dossierId, int stageRound, string stage, string? author, string? contact, string text, DateTime now)
    {
        DossierId = dossierId;
        StageRound = stageRound;
        Stage = stage;
        Author = author;
        Contact = contact;
        Text = text;
        CreatedAt = now;
    }

    public long Id { get; private set; }

    public Guid DossierId { get; private set; }

    public int StageRound { get; private set; }

    public string Stage { get; private set; } = "";

    public string? Author { get; private set; }

    public string? Contact { get; private set; }

    public string Text { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }
}
