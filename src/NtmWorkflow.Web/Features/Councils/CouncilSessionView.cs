using NtmWorkflow.Engine.Definitions;
using NtmWorkflow.Web.Domain;

namespace NtmWorkflow.Web.Features.Councils;

/// <summary>A council session as the API and its page show it.</summary>
public sealed record CouncilSessionView(
    Guid Id,
    string UnitCode,
    string UnitName,
    string? Number,
    string Title,
    DateOnly MeetingDate,
    string Status,
    int Version,
    IReadOnlyList<CouncilMemberView> Members,
    int MembersCount,
    int PresentCount,
    DateTime? AttendanceRecordedAt,
    CouncilMinutesView? Minutes,
    IReadOnlyList<SessionDossierView> Dossiers,
    string CreatedBy,
    DateTime CreatedAt,
    string UpdatedBy,
    DateTime UpdatedAt,
    string? ConcludedBy,
    DateTime? ConcludedAt,
    bool MayEdit)
{
    internal static CouncilSessionView From(CouncilSession s, AdministrativeUnit province, IReadOnlyList<SessionDossierView> dossiers, bool mayEdit) => new(
        s.Id, s.UnitCode, province.Name, s.Number, s.Title, s.MeetingDate, s.Status, s.Version,
        s.Members.OrderBy(m => m.Ordinal).Select(m => new CouncilMemberView(m.Name, m.Position, m.Present)).ToList(),
        s.Members.Count, s.PresentCount, s.AttendanceRecordedAt,
        s.MinutesSha256 is { } sha
            ? new CouncilMinutesView(s.MinutesFileName!, s.MinutesContentType!, s.MinutesSize!.Value, sha, s.MinutesUploadedBy!, s.MinutesUploadedAt!.Value)
            : null,
        dossiers, s.CreatedBy, s.CreatedAt, s.UpdatedBy, s.UpdatedAt, s.ConcludedBy, s.ConcludedAt, mayEdit);
}

public sealed record CouncilMemberView(string Name, string? Position, bool Present);

public sealed record CouncilMinutesView(string FileName, string ContentType, long Size, string Sha256, string UploadedBy, DateTime UploadedAt);

/// <summary>One dossier of a session: where it stands, the rule its own definition holds its vote to, the vote, the outcome.</summary>
public sealed record SessionDossierView(
    Guid DossierId,
    string UnitCode,
    string UnitName,
    string Level,
    int Year,
    string Workflow,
    int WorkflowVersion,
    string Stage,
    string StageTitle,
    int Version,
    int RecordedVersion,
    CouncilRuleView? Rule,
    CouncilVoteView? Vote,
    string? Projected,
    string? Outcome,
    string? Action,
    string? ActionTitle,
    int? EventSequence)
{
    /// <summary>Before the session concludes: what the recorded vote would do under the dossier's rule.</summary>
    public const string Carries = "carries";
    public const string NotQuorate = "not-quorate";
    public const string BelowThreshold = "below-threshold";

    internal static SessionDossierView From(
        CouncilSession session, CouncilSessionDossier entry, Dossier dossier, string unitName, WorkflowDefinition definition, CouncilStage? council)
    {
        // Once moved on, the dossier's rule is still its council stage's: the first of its definition.
        var rule = (council ?? CouncilStage.All(definition, CouncilSessions.Convener).FirstOrDefault())?.Rule;
        var vote = session.VoteOf(entry);
        var projected = rule is null || entry.Agree is null || !session.IsOpen ? null
            : !rule.IsQuorate(vote) ? NotQuorate
            : rule.Carries(vote) ? Carries
            : BelowThreshold;
        return new SessionDossierView(
            dossier.Id, dossier.UnitCode, unitName, dossier.Level, dossier.Year, dossier.WorkflowId, dossier.WorkflowVersion,
            dossier.Stage, definition.TitleOf(dossier.Stage), dossier.Version, entry.DossierVersion,
            rule is null ? null : new CouncilRuleView(rule.MinAgreePercent, Wording(rule.Agree), rule.QuorumPercent, Wording(rule.Quorum)),
            entry is { Agree: { } agree, VotedBy: { } by, VotedAt: { } at } ? new CouncilVoteView(agree, entry.Against, entry.Abstain, entry.Note, by, at) : null,
            projected, entry.Outcome, entry.Action,
            entry.Action is { } action ? definition.Stages.Values.Select(s => s.Actions.GetValueOrDefault(action)?.Title).FirstOrDefault(t => t is not null) : null,
            entry.EventSequence);
    }

    private static string Wording(Comparison comparison) => comparison == Comparison.AtLeast ? "at-least" : "more-than";
}

/// <summary>The dossier's vote rule: agreement of those present, quorum of all members, each "at-least" or "more-than".</summary>
public sealed record CouncilRuleView(int MinAgreePercent, string Agree, int QuorumPercent, string Quorum);

public sealed record CouncilVoteView(int Agree, int? Against, int? Abstain, string? Note, string RecordedBy, DateTime RecordedAt);

/// <summary>A session in a list.</summary>
public sealed record CouncilSessionSummary(
    Guid Id, string UnitCode, string UnitName, string? Number, string Title, DateOnly MeetingDate, string Status, int MembersCount,
    int Dossiers, DateTime? ConcludedAt);
