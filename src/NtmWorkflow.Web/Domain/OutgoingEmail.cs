namespace NtmWorkflow.Web.Domain;

/// <summary>
/// An e-mail waiting to be sent, written in the same transaction as the notice it carries so that nothing is lost
/// when the mail server is down; retried with back-off until it goes through.
/// </summary>
public sealed class OutgoingEmail
{
    private OutgoingEmail()
    {
    }

    public OutgoingEmail(string recipientId, string to, string subject, string body, DateTime now, Notification? about = null)
    {
        RecipientId = recipientId;
        To = to;
        Subject = subject;
        Body = body;
        CreatedAt = now;
        NextAttemptAt = now;
        Status = EmailStatuses.Pending;
        DossierId = about?.DossierId;
        StageRound = about?.StageRound;
        Kind = about?.Kind;
    }

    public long Id { get; private set; }

    public string RecipientId { get; private set; } = "";

    public string To { get; private set; } = "";

    public string Subject { get; private set; } = "";

    public string Body { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public string Status { get; private set; } = "";

    public int Attempts { get; private set; }

    public DateTime NextAttemptAt { get; private set; }

    public DateTime? SentAt { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>For a notice about a stage's clock: the dossier and round, to drop it once the stage is left.</summary>
    public Guid? DossierId { get; private set; }

    public int? StageRound { get; private set; }

    public string? Kind { get; private set; }
}

public static class EmailStatuses
{
    public const string Pending = "pending";
    public const string Sent = "sent";

    /// <summary>A reminder whose stage was left before it could be sent.</summary>
    public const string Dropped = "dropped";
}
