using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using NtmWorkflow.Engine.Criteria;
using NtmWorkflow.Engine.Definitions;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Features.Dossiers;
using NtmWorkflow.Web.Features.Units;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Criteria;

/// <summary>
/// The dossier's criteria: each with its indicators, thresholds for the unit's region, the self-assessment and its history,
/// and the commune's group (nhóm xã) today and under each self-assessment.
/// </summary>
public static class GetCriteria
{
    public sealed record Query(Guid DossierId) : IRequest<CriteriaView>, IDossierRequest;

    /// <param name="Region">The unit's region the thresholds are read with; null when the set reads them by commune group.</param>
    public sealed record CriteriaView(
        Guid DossierId,
        int DossierVersion,
        CriteriaSetRef CriteriaSet,
        string? Region,
        CommuneGroupView? CommuneGroup,
        int Met,
        int Total,
        IReadOnlyList<CriterionRef> NotMet,
        IReadOnlyList<CriterionRef> Disputed,
        ConditionsView Conditions,
        RevocationView? Revocation,
        IReadOnlyList<CriterionView> Criteria) : IJudgedCriteria;

    /// <summary>For a revocation dossier: how the re-assessment stands against the revocation rule.</summary>
    public sealed record RevocationView(
        int Assessed, int Total, decimal FailingPercent, IReadOnlyList<CriterionRef> Failing, IReadOnlyList<CriterionRef> KeyFailing,
        bool RuleMet, string Reason)
    {
        public static RevocationView From(RevocationAssessment a) => new(
            a.Assessed, a.Total, a.FailingPercent, CriterionRef.Of(a.Failing), CriterionRef.Of(a.KeyFailing), a.RuleMet, a.Reason);
    }

    /// <param name="Provisional">The set's content is a default not yet confirmed against its legal text.</param>
    /// <param name="ThresholdsBy">What the thresholds are read by: "region" or "group" (the commune's group, <see cref="CriteriaView.CommuneGroup"/>).</param>
    public sealed record CriteriaSetRef(
        string Id, int Version, string Title, string? LegalBasis, bool Provisional, string? Note, string ThresholdsBy)
    {
        public static CriteriaSetRef Of(CriteriaSet set) =>
            new(set.Id, set.Version, set.Title, set.LegalBasis, set.Provisional, set.Note, set.NeedsGroup ? ThresholdsByGroup : "region");
    }

    public const string ThresholdsByGroup = "group";

    /// <summary>The <see cref="IndicatorView.Kind"/> of an indicator answered đạt / không đạt rather than with a number.</summary>
    public const string YesNo = "yes-no";

    /// <summary>The <see cref="IndicatorView.Kind"/> of an indicator whose value must reach its threshold (≥); "at-most" is ≤.</summary>
    public const string AtLeast = "at-least";

    public sealed record ConditionsView(RecognitionConditions Values, int MinSatisfactionPercent, ModelConditions? Model, IReadOnlyList<string> Failing);

    public sealed record CriterionView(
        int Number,
        string Name,
        bool Key,
        bool Met,
        bool Disputed,
        IReadOnlyList<IndicatorView> Indicators,
        AssessmentView? SelfAssessment,
        IReadOnlyList<AssessmentView> History,
        IReadOnlyList<ReviewView> Reviews,
        IReadOnlyList<EvidenceView> Evidence,
        int HistoryCount,
        int ReviewCount);

    /// <summary>
    /// How many of a criterion's latest self-assessments <see cref="CriterionView.History"/> holds, and of its latest
    /// verdicts <see cref="CriterionView.Reviews"/> (besides the current verdict of every stage); the rest is paged by
    /// <see cref="GetCriterionHistory"/>.
    /// </summary>
    public const int RecentEntries = 10;

    /// <summary>A paper uploaded as evidence for the criterion.</summary>
    public sealed record EvidenceView(Guid DocumentId, string Type, string FileName, int Version);

    /// <summary>One reviewer's verdict on the criterion at a tier; every verdict is kept, the latest per tier counts.</summary>
    public sealed record ReviewView(string Stage, bool Agree, string? Note, string By, DateTime At);

    /// <param name="Threshold">For the unit's region or group and the dossier's year.</param>
    /// <param name="Standard">The standard the value is measured against in the dossier's year, when the indicator names one.</param>
    public sealed record IndicatorView(
        string Code, string Name, string? Unit, string Kind, decimal? Threshold, IndicatorValue? Value, bool? MeetsThreshold,
        bool Provisional, string? Note, string? Standard);

    /// <param name="CommuneGroup">The commune's group in force on the day the entry was recorded (null: none).</param>
    public sealed record AssessmentView(
        bool Met, string? Explanation, IReadOnlyDictionary<string, IndicatorValue> Values, string Stage, string By, DateTime At,
        string? CommuneGroup);

    internal sealed class Handler(DossierLookup dossiers, CommuneGroups groups) : IRequestHandler<Query, CriteriaView>
    {
        public async Task<CriteriaView> Handle(Query query, CancellationToken cancellationToken)
        {
            var (dossier, definition, unit) = await dossiers.LoadAsync(query.DossierId, forUpdate: false, cancellationToken);
            return await Build(dossiers, groups, dossier, definition, unit, cancellationToken);
        }
    }

    /// <summary>What a write to the criteria answers: the dossier's new version and, unless only that was asked for, the criteria.</summary>
    public sealed record CriteriaSaved(int DossierVersion, CriteriaView? Criteria);

    /// <summary>
    /// Saves a change to the criteria and answers with the criteria as they now stand, or with the version alone for a
    /// caller that sent Prefer: return=minimal. The commit comes first: the answer reads several tables, and on SQLite
    /// every other writer would wait for those reads.
    /// </summary>
    internal static async Task<CriteriaSaved> SaveAndBuildAsync(
        AppDbContext db, DossierLookup dossiers, CommuneGroups groups, Dossier dossier, WorkflowDefinition definition,
        AdministrativeUnit unit, bool versionOnly, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        await db.Database.CommitTransactionAsync(cancellationToken);
        return new CriteriaSaved(dossier.Version, versionOnly ? null : await Build(dossiers, groups, dossier, definition, unit, cancellationToken));
    }

    /// <summary>The HTTP answer to a write to the criteria: the criteria (200), or 204 with the version (return=minimal).</summary>
    internal static Results<Ok<CriteriaView>, NoContent> Answer(HttpContext http, CriteriaSaved saved) =>
        saved.Criteria is { } view ? ReturnPreference.Full(http, view) : ReturnPreference.Minimal(http, saved.DossierVersion);

    /// <remarks>The unit's commune group is today's, shown beside the group each self-assessment was recorded under.</remarks>
    internal static async Task<CriteriaView> Build(
        DossierLookup dossiers, CommuneGroups groups, Dossier dossier, WorkflowDefinition definition, AdministrativeUnit unit,
        CancellationToken cancellationToken)
    {
        var set = await dossiers.CriteriaAsync(dossier, cancellationToken);
        var current = await dossiers.CurrentSelfAssessmentsAsync(dossier.Id, cancellationToken);
        var currentReviews = await dossiers.CurrentReviewsAsync(dossier.Id, cancellationToken);
        var counts = await dossiers.EntryCountsAsync(dossier.Id, cancellationToken);
        var recent = await dossiers.RecentEntriesAsync(dossier.Id, counts, RecentEntries, cancellationToken);
        var claims = current.ToDictionary(e => e.Number, e => e.ToClaim());
        var today = await groups.TodayAsync(unit.Code, cancellationToken);
        var thresholds = groups.Thresholds(dossier, unit, set, today?.Group);
        var unmet = CriteriaEvaluation.Unmet(set, claims, thresholds);
        var disputed = DossierLookup.Disputed(set, currentReviews);
        var evidence = await dossiers.EvidenceAsync(dossier.Id, cancellationToken);
        var criteria = set.Criteria.Select(criterion =>
        {
            var history = recent.Where(e => e.Number == criterion.Number && e.Kind == CriterionEntry.SelfAssessment).Select(View).ToList();
            // Every stage's current verdict stays in the list however many verdicts another stage has given since.
            var reviews = recent.Where(r => r.Kind == CriterionEntry.Review).Concat(currentReviews)
                .Where(r => r.Number == criterion.Number)
                .DistinctBy(r => r.Id)
                .OrderBy(r => r.Id)
                .Select(r => new ReviewView(r.Stage, r.Verdict, r.Note, r.ActorUserName, r.At))
                .ToList();
            var claim = claims.GetValueOrDefault(criterion.Number);
            var values = claim?.Values ?? new Dictionary<string, IndicatorValue>();
            var context = claim is null ? thresholds : thresholds.For(claim);
            return new CriterionView(
                criterion.Number,
                criterion.Name,
                criterion.Key,
                !unmet.Contains(criterion),
                disputed.Contains(criterion),
                criterion.Indicators.Select(i => Indicator(i, values.GetValueOrDefault(i.Code), context)).ToList(),
                history.LastOrDefault(),
                history,
                reviews,
                evidence.Where(d => d.Criteria.Contains(criterion.Number))
                    .Select(d => new EvidenceView(d.Id, d.Type, d.FileName, d.Version)).ToList(),
                counts.GetValueOrDefault((CriterionEntry.SelfAssessment, criterion.Number)),
                counts.GetValueOrDefault((CriterionEntry.Review, criterion.Number)));
        }).ToList();
        return new CriteriaView(
            dossier.Id,
            dossier.Version,
            CriteriaSetRef.Of(set),
            set.NeedsGroup ? null : thresholds.Region,
            today,
            set.Criteria.Count - unmet.Count,
            set.Criteria.Count,
            CriterionRef.Of(unmet),
            CriterionRef.Of(disputed),
            new ConditionsView(dossier.Conditions, set.Conditions.MinSatisfactionPercent, set.Conditions.Model,
                CriteriaEvaluation.FailingConditions(set.Conditions, dossier.Conditions)),
            definition.Purpose == Purposes.Revocation ? RevocationView.From(DossierLookup.Revocation(set, claims, thresholds)) : null,
            criteria);
    }

    internal static IndicatorView Indicator(Indicator indicator, IndicatorValue? value, ThresholdContext context) => new(
        indicator.Code,
        indicator.Name,
        indicator.Unit,
        indicator.Kind switch { IndicatorKind.YesNo => YesNo, IndicatorKind.AtLeast => AtLeast, _ => "at-most" },
        indicator.Threshold?.For(context),
        value,
        value is null ? null : CriteriaEvaluation.Meets(indicator, value, context),
        indicator.Provisional,
        indicator.Note,
        indicator.StandardFor(context.Year));

    internal static AssessmentView View(CriterionEntry entry) =>
        new(entry.Verdict, entry.Note, entry.Values(), entry.Stage, entry.ActorUserName, entry.At, entry.CommuneGroup);

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/dossiers/{id:guid}/criteria", async (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Query(id), cancellationToken)))
            .WithTags("Criteria")
            .WithSummary("Tiêu chí của hồ sơ: tự đánh giá, chỉ tiêu, ngưỡng và điều kiện công nhận");
}
