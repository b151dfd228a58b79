using NtmWorkflow.Engine.Criteria;
using NtmWorkflow.Engine.Definitions;
using NtmWorkflow.Web.Domain;

namespace NtmWorkflow.Web.Features.Dossiers;

/// <summary>A dossier as the API shows it; <c>allowedActions</c> are the caller's own moves from here.</summary>
public sealed record DossierView(
    Guid Id,
    string UnitCode,
    string UnitName,
    string Level,
    int Year,
    WorkflowRef Workflow,
    string Stage,
    string StageTitle,
    string Status,
    string? AwaitingRole,
    int Version,
    DateTime? DueAt,
    int? WorkingDaysLeft,
    bool Overdue,
    bool DueAtProvisional,
    DateOnly? PostingUntil,
    IReadOnlyList<string> AllowedActions,
    IReadOnlyList<ActionView> AllowedActionDetails,
    CriteriaProgress Criteria,
    DecisionView? Decision,
    CeremonyView? Ceremony,
    IReadOnlyList<StepRef> Path,
    IReadOnlyList<DocumentTypeRef> UploadTypes,
    bool SelfAssessmentOpen,
    bool CriteriaReviewOpen,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    bool DecisionCorrectionOpen)
{
    /// <summary>The batch decision that decided it with other dossiers of its province; null for one signed alone.</summary>
    public Guid? DecisionBatchId { get; init; }

    public static DossierView From(
        Dossier dossier, string unitName, WorkflowDefinition definition, IReadOnlyList<Criterion> notMet,
        IReadOnlySet<string> documents, DeadlineStatus deadline, Actor actor)
    {
        var actions = dossier.AllowedActions(definition, actor);
        return new DossierView(
            dossier.Id,
            dossier.UnitCode,
            unitName,
            dossier.Level,
            dossier.Year,
            new WorkflowRef(definition.Id, definition.Version, definition.Title),
            dossier.Stage,
            definition.TitleOf(dossier.Stage),
            dossier.Status,
            dossier.AwaitingRole,
            dossier.Version,
            dossier.DueAt,
            deadline.WorkingDaysLeft,
            deadline.Overdue,
            deadline.Provisional,
            deadline.PostingUntil,
            actions.Select(a => a.Name).ToList(),
            actions.Select(a => ActionView.From(a, definition, documents, deadline.PostingUntil)).ToList(),
            new CriteriaProgress(dossier.CriteriaSetId, dossier.CriteriaSetVersion, dossier.CriteriaMet, dossier.CriteriaTotal,
                CriterionRef.Of(notMet)),
            DecisionView.From(dossier.DecisionNumber, dossier.DecisionDate, dossier.DecisionSigner),
            CeremonyView.From(dossier.CeremonyDate, dossier.CeremonyPlace),
            definition.MainPath().Select(step => new StepRef(step, definition.TitleOf(step))).ToList(),
            dossier.UploadableTypes(definition, actor).Select(d => new DocumentTypeRef(d.Code, d.Title, d.Public)).ToList(),
            dossier.MaySelfAssess(definition, actor),
            dossier.MayReview(definition, actor),
            dossier.CreatedAt,
            dossier.UpdatedAt,
            dossier.MayCorrectDecision(definition, actor))
        {
            DecisionBatchId = dossier.DecisionBatchId,
        };
    }
}

public sealed record WorkflowRef(string Id, int Version, string Title);

/// <summary>A kind of paper the caller may upload now.</summary>
public sealed record DocumentTypeRef(string Type, string Title, bool Public);

/// <summary>A stage or end of the definition, for showing where the dossier stands on its way.</summary>
public sealed record StepRef(string Name, string Title);

/// <summary>How far the self-assessment is: criteria met out of the set's total, and which are not met.</summary>
public sealed record CriteriaProgress(string SetId, int SetVersion, int Met, int Total, IReadOnlyList<CriterionRef> NotMet);

public sealed record CriterionRef(int Number, string Name)
{
    public static List<CriterionRef> Of(IEnumerable<Criterion> criteria) => criteria.Select(c => new CriterionRef(c.Number, c.Name)).ToList();
}

/// <summary>
/// One move the caller may make, with exactly the fields it needs, the checklist of papers it requires, and — for a
/// move that closes a public posting still running — the first day it may be made.
/// </summary>
public sealed record ActionView(
    string Name, string Title, string To, IReadOnlyList<string> Requires, int? MinAgreePercent, IReadOnlyList<RequiredDocument> Documents,
    DateOnly? AvailableFrom)
{
    public static ActionView From(ActionDefinition action, WorkflowDefinition definition, IReadOnlySet<string> held, DateOnly? postingUntil) => new(
        action.Name,
        action.Title,
        action.To,
        action.Requires.Select(r => r.ToString().ToLowerInvariant()).Order().ToList(),
        action.Vote?.MinAgreePercent,
        action.Documents.Select(d => new RequiredDocument(d, definition.Documents[d].Title, held.Contains(d))).ToList(),
        action.Checks.Contains(GateCheck.Posting) ? postingUntil?.AddDays(1) : null);
}

/// <summary>A paper an action needs, and whether the dossier already holds a version of it.</summary>
public sealed record RequiredDocument(string Type, string Title, bool Present);

public sealed record DecisionView(string Number, DateOnly Date, string Signer)
{
    public static DecisionView? From(string? number, DateOnly? date, string? signer) =>
        number is null || date is null || signer is null ? null : new DecisionView(number, date.Value, signer);
}

/// <param name="Place">Unknown for some ceremonies imported from before the system.</param>
public sealed record CeremonyView(DateOnly Date, string? Place)
{
    public static CeremonyView? From(DateOnly? date, string? place) => date is null ? null : new CeremonyView(date.Value, place);
}
