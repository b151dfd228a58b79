namespace NtmWorkflow.Web.Domain;

/// <summary>
/// A notice to one official about one dossier. Its natural key — dossier, stage round, kind, recipient, day — is
/// unique in the database, so two schedulers or a retried sweep can never notify anyone twice. A reminder digest
/// (<see cref="NotificationKinds.ReminderDigest"/>) is about no one dossier: it counts, for one official and one day,
/// the dossiers of stages whose reminders are sent as a daily summary; its key is recipient, kind and day.
/// </summary>
public sealed class Notification
{
    private Notification()
    {
    }

    public Notification(Guid dossierId, int stageRound, string stage, string kind, string recipientId, DateOnly day,
        string title, string body, bool awaitsDigest, DateTime now)
    {
        DossierId = dossierId;
        StageRound = stageRound;
        Stage = stage;
        Kind = kind;
        RecipientId = recipientId;
        Day = day;
        Title = title;
        Body = body;
        AwaitsDigest = awaitsDigest;
        CreatedAt = now;
    }

    public long Id { get; private set; }

    /// <summary>Null for a reminder digest.</summary>
    public Guid? DossierId { get; private set; }

    public int StageRound { get; private set; }

    public string Stage { get; private set; } = "";

    public string Kind { get; private set; } = "";

    public string RecipientId { get; private set; } = "";

    /// <summary>The day (in Vietnam) the notice is for; part of the natural key, so a daily reminder is one per day.</summary>
    public DateOnly Day { get; private set; }

    public string Title { get; private set; } = "";

    public string Body { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public DateTime? ReadAt { get; private set; }

    /// <summary>The recipient takes a daily digest and this notice has not been in one yet.</summary>
    public bool AwaitsDigest { get; private set; }

    /// <summary>A reminder digest's counts of dossiers before, on and past their limit, and escalated to the recipient.</summary>
    public int DigestBefore { get; private set; }

    public int DigestDue { get; private set; }

    public int DigestOverdue { get; private set; }

    public int DigestEscalated { get; private set; }

    public void MarkRead(DateTime now) => ReadAt ??= now;
}

public static class NotificationKinds
{
    /// <summary>The dossier arrived at a stage the recipient acts in.</summary>
    public const string Assigned = "assigned";

    /// <summary>The dossier reached an end: recognised, rejected, withdrawn, revoked.</summary>
    public const string Outcome = "outcome";

    public const string Reminder = "reminder";
    public const string Due = "due";
    public const string Overdue = "overdue";
    public const string Escalation = "escalation";

    /// <summary>One official's daily summary of the reminders of stages declared <c>reminders: digest</c>.</summary>
    public const string ReminderDigest = "reminder-digest";

    /// <summary>Kinds about the current stage's clock: pointless, and not sent, once the stage is left.</summary>
    public static readonly IReadOnlySet<string> AboutTheClock = new HashSet<string> { Reminder, Due, Overdue, Escalation };
}
