using NtmWorkflow.Engine.Transitions;

namespace NtmWorkflow.Engine.Definitions;

/// <summary>One version of a recognition procedure, as read from a YAML file and validated.</summary>
/// <summary>What a procedure does to a unit's standing: grant a recognition, or revoke one it holds.</summary>
public static class Purposes
{
    public const string Recognition = "recognition";
    public const string Revocation = "revocation";

    public static readonly IReadOnlyList<string> All = [Recognition, Revocation];
}

public sealed record WorkflowDefinition(
    string Id,
    int Version,
    string Title,
    string? LegalBasis,
    string Subject,
    string Purpose,
    IReadOnlyList<string> Levels,
    IReadOnlyDictionary<string, CriteriaReference> Criteria,
    IReadOnlyDictionary<string, DocumentType> Documents,
    string Start,
    IReadOnlyDictionary<string, StageDefinition> Stages,
    IReadOnlyDictionary<string, EndDefinition> Ends,
    string ContentHash,
    string Source)
{
    public string TitleOf(string step) =>
        Stages.TryGetValue(step, out var stage) ? stage.Title
        : Ends.TryGetValue(step, out var end) ? end.Title
        : step;

    /// <summary>
    /// The stages a dossier passes on its way forward, in order: from the start, each stage's first action that leads
    /// to a stage not yet on the path (returns and side loops are left out), up to the end it reaches.
    /// </summary>
    public IReadOnlyList<string> MainPath()
    {
        var path = new List<string>();
        for (var step = Start; step is not null && !path.Contains(step);)
        {
            path.Add(step);
            step = Stages.TryGetValue(step, out var stage)
                ? stage.Actions.Values.Select(a => a.To).FirstOrDefault(to => !path.Contains(to))
                : null;
        }
        return path;
    }

    /// <summary>
    /// Whether an official acting as <paramref name="role"/> may upload papers of this type: the roles the type names,
    /// or else the actors of the stages whose actions require it (a decision is the leader's, an appraisal report the
    /// appraiser's), or else, for a paper no action requires (photos, say), any stage's actor.
    /// </summary>
    public bool MayUpload(string type, string role)
    {
        if (!Documents.TryGetValue(type, out var document))
        {
            return false;
        }
        if (document.UploadedBy is { } named)
        {
            return named.Contains(role);
        }
        var requiring = Stages.Values.Where(s => s.Actions.Values.Any(a => a.Documents.Contains(type))).Select(s => s.Actor).ToList();
        return requiring.Count == 0 || requiring.Contains(role);
    }

    /// <summary>The dossier status while a dossier sits at this step.</summary>
    public string StatusOf(string step) =>
        Stages.TryGetValue(step, out var stage) ? stage.Status
        : Ends.TryGetValue(step, out var end) ? end.Status
        : throw new ArgumentException($"'{step}' is not a step of {Id} v{Version}.", nameof(step));
}

/// <summary>
/// A kind of paper in the dossier (tờ trình, báo cáo, biên bản…); public ones are downloadable by anyone.
/// <see cref="UploadedBy"/> names the roles that may upload it, when the definition says (<c>uploaded-by</c>).
/// </summary>
public sealed record DocumentType(string Code, string Title, bool Public, int Line, IReadOnlyList<string>? UploadedBy = null);

/// <summary>The criteria set a level is judged by, named by id; <see cref="Line"/> locates it in the file.</summary>
public sealed record CriteriaReference(string SetId, int Line);

public sealed record StageDefinition(
    string Name,
    string Title,
    string Actor,
    TimeLimit? Limit,
    string Status,
    bool SelfAssessment,
    bool Review,
    IReadOnlyDictionary<string, ActionDefinition> Actions,
    int Line)
{
    /// <summary>The minimum time the stage's papers stay publicly posted before the stage may be closed.</summary>
    public TimeLimit? Posting { get; init; }

    /// <summary>Who is reminded of the limit and when; null for a stage without a limit.</summary>
    public ReminderPolicy? Reminders { get; init; }
}

public sealed record ActionDefinition(
    string Name,
    string Title,
    string To,
    string Actor,
    IReadOnlySet<RequiredField> Requires,
    VoteRule? Vote,
    IReadOnlySet<GateCheck> Checks,
    IReadOnlyList<string> Documents,
    bool PausesClock,
    int Line);

public sealed record EndDefinition(string Name, string Title, string Status, int Line);

public enum LimitUnit
{
    WorkingDays,
    Days,
}

/// <summary>The statutory time a stage may take: working days skip weekends and holidays.</summary>
public sealed record TimeLimit(int Amount, LimitUnit Unit);

/// <summary>
/// When a vote carries: enough members of the body present (the quorum, a share of all members), and enough of those
/// present agreeing. Each share is compared as written in the regulation: at least, or more than.
/// </summary>
public sealed record VoteRule(int MinAgreePercent, Comparison Agree = Comparison.AtLeast, int QuorumPercent = 50, Comparison Quorum = Comparison.MoreThan)
{
    public bool IsQuorate(Vote vote) => Reaches(vote.Present, vote.Members, QuorumPercent, Quorum);

    public bool Carries(Vote vote) => vote.Present > 0 && Reaches(vote.Agree, vote.Present, MinAgreePercent, Agree);

    private static bool Reaches(int part, int whole, int percent, Comparison comparison) => comparison == Comparison.AtLeast
        ? part * 100 >= percent * whole
        : part * 100 > percent * whole;
}

/// <summary>How a count is held against a share: "ít nhất" (≥) or "hơn" (>).</summary>
public enum Comparison
{
    AtLeast,
    MoreThan,
}

/// <summary>What must hold of the dossier itself before the action may be taken.</summary>
public enum GateCheck
{
    /// <summary>Every criterion of the level's set self-assessed as met, with no indicator value contradicting it.</summary>
    Criteria,

    /// <summary>Satisfaction rate, no construction debt, security (and the model conditions for kiểu mẫu).</summary>
    Conditions,

    /// <summary>No criterion disputed by this stage's reviewer (their latest verdict on it is "disagree").</summary>
    Reviews,

    /// <summary>Every criterion re-assessed, and the failing ones meet the revocation rule (≥ 50 %, or ≥ 30 % with a key criterion).</summary>
    RevocationRule,

    /// <summary>The stage's public posting period has run its full length.</summary>
    Posting,
}

public enum RequiredField
{
    Comment,
    Vote,
    Decision,
    Ceremony,
}
