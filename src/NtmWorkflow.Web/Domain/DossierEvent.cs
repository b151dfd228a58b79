using NtmWorkflow.Engine.Transitions;

namespace NtmWorkflow.Web.Domain;

/// <summary>One entry of a dossier's timeline: who moved it, when, from where to where, and what they recorded.</summary>
public sealed class DossierEvent
{
    private DossierEvent()
    {
    }

    internal DossierEvent(Guid dossierId, int sequence, DateTime at, Actor actor, string role, string action,
        string? fromStage, string toStage, ActionInput input, DateTime? dueAt = null, int? pausedRemaining = null)
    {
        DueAt = dueAt;
        PausedRemaining = pausedRemaining;
        DossierId = dossierId;
        Sequence = sequence;
        At = at;
        ActorUserName = actor.UserName;
        Role = role;
        Action = action;
        FromStage = fromStage;
        ToStage = toStage;
        Comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim();
        VoteMembers = input.Vote?.Members;
        VotePresent = input.Vote?.Present;
        VoteAgree = input.Vote?.Agree;
        DecisionNumber = input.Decision?.Number.Trim();
        DecisionDate = input.Decision?.Date;
        DecisionSigner = input.Decision?.Signer.Trim();
        CeremonyDate = input.Ceremony?.Date;
        CeremonyPlace = input.Ceremony?.Place.Trim();
    }

    public long Id { get; private set; }

    public Guid DossierId { get; private set; }

    public int Sequence { get; private set; }

    public DateTime At { get; private set; }

    public string ActorUserName { get; private set; } = "";

    public string Role { get; private set; } = "";

    public string Action { get; private set; } = "";

    public string? FromStage { get; private set; }

    public string ToStage { get; private set; } = "";

    public string? Comment { get; private set; }

    /// <summary>The deadline of the stage this move entered, as set by the move.</summary>
    public DateTime? DueAt { get; private set; }

    /// <summary>On a return for supplement: what was left of the returning stage's limit when its clock stopped.</summary>
    public int? PausedRemaining { get; private set; }

    public int? VoteMembers { get; private set; }

    public int? VotePresent { get; private set; }

    public int? VoteAgree { get; private set; }

    public string? DecisionNumber { get; private set; }

    public DateOnly? DecisionDate { get; private set; }

    public string? DecisionSigner { get; private set; }

    public DateOnly? CeremonyDate { get; private set; }

    public string? CeremonyPlace { get; private set; }
}
