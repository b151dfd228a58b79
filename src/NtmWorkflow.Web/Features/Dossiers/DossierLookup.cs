using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Engine.Calendar;
using NtmWorkflow.Engine.Criteria;
using NtmWorkflow.Engine.Definitions;
using NtmWorkflow.Engine.Transitions;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Features.Units;
using NtmWorkflow.Web.Infrastructure;
using NtmWorkflow.Web.Workflows;

namespace NtmWorkflow.Web.Features.Dossiers;

/// <summary>
/// Loads what the dossier slices need: the dossier, the definition and criteria set it is pinned to, its unit, and
/// its current self-assessment.
/// </summary>
internal sealed class DossierLookup(
    AppDbContext db, DefinitionRegistry definitions, CriteriaRegistry criteria, CommuneGroups groups, WorkingCalendar calendar,
    TimeProvider clock)
{
    public async Task<(Dossier Dossier, WorkflowDefinition Definition, AdministrativeUnit Unit)> LoadAsync(
        Guid id, bool forUpdate, CancellationToken cancellationToken)
    {
        var dossier = await (forUpdate && db.Database.IsNpgsql()
                ? LockedOnPostgres(id).FirstOrDefaultAsync(cancellationToken)
                : (forUpdate ? TrackedDossier : UntrackedDossier)(db, id, cancellationToken))
            ?? throw ProblemException.NotFound($"Không tìm thấy hồ sơ {id}.");
        var definition = await DefinitionOfAsync(dossier, cancellationToken);
        var unit = await UnitByCode(db, dossier.UnitCode, cancellationToken);
        return (dossier, definition, unit);
    }

    // Every dossier request makes these reads: compiled once, they skip EF's per-query expression walk and cache lookup.
    private static readonly Func<AppDbContext, Guid, CancellationToken, Task<Dossier?>> TrackedDossier =
        EF.CompileAsyncQuery((AppDbContext db, Guid id, CancellationToken _) => db.Dossiers.FirstOrDefault(d => d.Id == id));

    private static readonly Func<AppDbContext, Guid, CancellationToken, Task<Dossier?>> UntrackedDossier =
        EF.CompileAsyncQuery((AppDbContext db, Guid id, CancellationToken _) => db.Dossiers.AsNoTracking().FirstOrDefault(d => d.Id == id));

    private static readonly Func<AppDbContext, string, CancellationToken, Task<AdministrativeUnit>> UnitByCode =
        EF.CompileAsyncQuery((AppDbContext db, string code, CancellationToken _) => db.Units.AsNoTracking().Single(u => u.Code == code));

    /// <summary>
    /// A dossier about to change, read in its command's transaction so that writers of one dossier queue rather than
    /// collide. SQLite's transaction holds the write lock from BEGIN IMMEDIATE; on PostgreSQL the row is locked here
    /// (FOR NO KEY UPDATE: rows that only reference the dossier, such as comments, are not held up). Without it, two
    /// edits of different criteria read the same version and the later write failed on the version token with a 409
    /// its sender had not earned; queued, it reads the version, the claims and the criteria count the first one
    /// committed. A stale expectedVersion is still refused by the aggregate, and the token still guards any writer
    /// that did not lock.
    /// </summary>
    private IQueryable<Dossier> LockedOnPostgres(Guid id) =>
        db.Dossiers.FromSql($"""SELECT * FROM dossiers WHERE "Id" = {id} FOR NO KEY UPDATE""");

    /// <summary>
    /// When the latest vote on the dossier was cast (a decision may not be dated before it): when it was recorded, or for
    /// a council session's vote, recorded when the session concluded, the session's meeting day.
    /// </summary>
    public async Task<DateTime?> LastVoteAtAsync(Guid dossierId, CancellationToken cancellationToken)
    {
        var last = await db.DossierEvents.Where(e => e.DossierId == dossierId && e.VoteAgree != null)
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.At })
            .FirstOrDefaultAsync(cancellationToken);
        if (last is null)
        {
            return null;
        }
        var meeting = await db.Set<CouncilSessionDossier>()
            .Where(d => d.DossierId == dossierId && d.EventSequence == last.Sequence)
            .Join(db.CouncilSessions, d => d.SessionId, s => s.Id, (_, s) => (DateOnly?)s.MeetingDate)
            .FirstOrDefaultAsync(cancellationToken);
        return meeting is { } day ? WorkingCalendar.ToUtc(day, TimeOnly.MinValue) : last.At;
    }

    /// <summary>The dossier as the caller sees it now: progress, papers held, deadline and their own allowed actions.</summary>
    public async Task<DossierView> ViewAsync(
        Dossier dossier, WorkflowDefinition definition, AdministrativeUnit unit, Actor actor, CancellationToken cancellationToken) =>
        View(dossier, definition, unit, actor, await StateAsync(dossier, unit, cancellationToken));

    /// <summary>The view from a state already read, e.g. by the action just taken, which changes neither claims nor papers.</summary>
    public DossierView View(Dossier dossier, WorkflowDefinition definition, AdministrativeUnit unit, Actor actor, DossierState state) =>
        DossierView.From(dossier, unit.Name, definition, state.Unmet, state.DocumentTypes,
            DeadlineStatus.For(dossier, definition, clock.GetUtcNow().UtcDateTime, calendar), actor);

    /// <summary>The criteria set, the latest claims, the criteria they leave unmet and the papers held.</summary>
    public async Task<DossierState> StateAsync(Dossier dossier, AdministrativeUnit unit, CancellationToken cancellationToken)
    {
        var set = await CriteriaAsync(dossier, cancellationToken);
        var claims = await ClaimsAsync(dossier.Id, cancellationToken);
        var thresholds = await groups.ThresholdsAsync(dossier, unit, set, cancellationToken);
        return new DossierState(set, claims, thresholds, CriteriaEvaluation.Unmet(set, claims, thresholds),
            await DocumentTypesAsync(dossier.Id, cancellationToken));
    }

    public Task<WorkflowDefinition> PinnedAsync(string id, int version, string hash, CancellationToken cancellationToken) =>
        definitions.GetPinnedAsync(db, id, version, hash, cancellationToken);

    /// <summary>The exact definition the dossier started on.</summary>
    public Task<WorkflowDefinition> DefinitionOfAsync(Dossier dossier, CancellationToken cancellationToken) =>
        PinnedAsync(dossier.WorkflowId, dossier.WorkflowVersion, dossier.WorkflowHash, cancellationToken);

    public Task<CriteriaSet> CriteriaAsync(Dossier dossier, CancellationToken cancellationToken) =>
        criteria.GetPinnedAsync(db, dossier.CriteriaSetId, dossier.CriteriaSetVersion, dossier.CriteriaSetHash, cancellationToken);

    /// <summary>The latest self-assessment of each criterion, read by its current key.</summary>
    public async Task<Dictionary<int, CriterionClaim>> ClaimsAsync(Guid dossierId, CancellationToken cancellationToken) =>
        (await CurrentSelfAssessmentsAsync(dossierId, cancellationToken)).ToDictionary(e => e.Number, e => e.ToClaim());

    /// <summary>The latest self-assessment of each criterion.</summary>
    public Task<List<CriterionEntry>> CurrentSelfAssessmentsAsync(Guid dossierId, CancellationToken cancellationToken) =>
        db.CriterionEntries.AsNoTracking()
            .Where(e => e.DossierId == dossierId && e.IsCurrent && e.Kind == CriterionEntry.SelfAssessment)
            .ToListAsync(cancellationToken);

    /// <summary>The latest verdict on each criterion at each review stage, oldest first.</summary>
    public Task<List<CriterionEntry>> CurrentReviewsAsync(Guid dossierId, CancellationToken cancellationToken) =>
        db.CriterionEntries.AsNoTracking()
            .Where(e => e.DossierId == dossierId && e.IsCurrent && e.Kind == CriterionEntry.Review)
            .OrderBy(e => e.Id)
            .ToListAsync(cancellationToken);

    /// <summary>
    /// The latest <paramref name="perCriterion"/> self-assessments and verdicts of each criterion, oldest first, knowing
    /// how many each has. The criteria with no more than that are read whole in one plain query, as almost every
    /// dossier's are; each criterion with a longer history is read by its own seek on the (dossier, kind, number, id)
    /// index that stops after that many rows, so the cost follows what is returned, not how long a history has grown.
    /// </summary>
    public async Task<List<CriterionEntry>> RecentEntriesAsync(
        Guid dossierId, IReadOnlyDictionary<(string Kind, int Number), int> counts, int perCriterion, CancellationToken cancellationToken)
    {
        var entries = db.CriterionEntries.AsNoTracking().Where(e => e.DossierId == dossierId);
        var longSelf = Long(CriterionEntry.SelfAssessment);
        var longReviews = Long(CriterionEntry.Review);
        var recent = entries.Where(e => e.Kind == CriterionEntry.SelfAssessment ? !longSelf.Contains(e.Number) : !longReviews.Contains(e.Number));
        foreach (var ((kind, number), _) in counts.Where(c => c.Value > perCriterion))
        {
            recent = recent.Concat(entries.Where(e => e.Kind == kind && e.Number == number).OrderByDescending(e => e.Id).Take(perCriterion));
        }
        return (await recent.ToListAsync(cancellationToken)).OrderBy(e => e.Id).ToList();

        List<int> Long(string kind) => counts.Where(c => c.Key.Kind == kind && c.Value > perCriterion).Select(c => c.Key.Number).ToList();
    }

    /// <summary>How many self-assessments and verdicts each criterion has, counted on the index.</summary>
    public async Task<Dictionary<(string Kind, int Number), int>> EntryCountsAsync(Guid dossierId, CancellationToken cancellationToken) =>
        (await db.CriterionEntries.Where(e => e.DossierId == dossierId)
            .GroupBy(e => new { e.Kind, e.Number })
            .Select(g => new { g.Key.Kind, g.Key.Number, Count = g.Count() })
            .ToListAsync(cancellationToken))
        .ToDictionary(c => (c.Kind, c.Number), c => c.Count);

    /// <summary>The criteria whose current verdict is "disagree", in one review stage or any.</summary>
    public static IReadOnlyList<Criterion> Disputed(CriteriaSet set, IEnumerable<CriterionEntry> currentReviews, string? stage = null)
    {
        var disputed = currentReviews
            .Where(r => (stage is null || r.Stage == stage) && !r.Verdict)
            .Select(r => r.Number)
            .ToHashSet();
        return set.Criteria.Where(c => disputed.Contains(c.Number)).ToList();
    }

    /// <summary>What an action's checks need to know; the disputes are read only for an action that checks reviews.</summary>
    public async Task<GateFacts> GateFactsAsync(
        Dossier dossier, WorkflowDefinition definition, AdministrativeUnit unit, DossierState state, string action, DateTime now,
        CancellationToken cancellationToken)
    {
        if (!definition.Stages.TryGetValue(dossier.Stage, out var stage)
            || !stage.Actions.TryGetValue(action, out var taken) || (taken.Checks.Count == 0 && taken.Documents.Count == 0))
        {
            return GateFacts.None;
        }
        var disputed = taken.Checks.Contains(GateCheck.Reviews)
            ? Disputed(state.Set, await CurrentReviewsAsync(dossier.Id, cancellationToken), dossier.Stage)
            : [];
        return new GateFacts(
            state.Unmet,
            CriteriaEvaluation.FailingConditions(state.Set.Conditions, dossier.Conditions),
            disputed,
            definition.Purpose == Purposes.Revocation ? Revocation(state.Set, state.Claims, state.Thresholds) : null,
            state.DocumentTypes,
            dossier.PostingUntil(definition, now, calendar));
    }

    /// <summary>The dossier's papers that evidence at least one criterion, oldest first.</summary>
    public async Task<List<DossierDocument>> EvidenceAsync(Guid dossierId, CancellationToken cancellationToken) =>
        (await db.Documents.AsNoTracking().Where(d => d.DossierId == dossierId).OrderBy(d => d.UploadedAt).ToListAsync(cancellationToken))
            .Where(d => d.Criteria.Count > 0)
            .ToList();

    /// <summary>The document types the dossier holds at least one version of.</summary>
    public async Task<HashSet<string>> DocumentTypesAsync(Guid dossierId, CancellationToken cancellationToken) =>
        (await db.Documents.Where(d => d.DossierId == dossierId).Select(d => d.Type).Distinct().ToListAsync(cancellationToken)).ToHashSet();

    /// <summary>The fresh assessment of a revocation: the criteria re-assessed as failing, judged by the rule.</summary>
    public static RevocationAssessment Revocation(
        CriteriaSet set, IReadOnlyDictionary<int, CriterionClaim> claims, ThresholdContext thresholds)
    {
        var failing = CriteriaEvaluation.Unmet(set, claims, thresholds).Where(c => claims.ContainsKey(c.Number)).ToList();
        return RevocationRule.Assess(set, failing, claims.Count);
    }
}

/// <summary>What both the dossier's page and its actions' checks read about its criteria and papers.</summary>
internal sealed record DossierState(
    CriteriaSet Set,
    IReadOnlyDictionary<int, CriterionClaim> Claims,
    ThresholdContext Thresholds,
    IReadOnlyList<Criterion> Unmet,
    IReadOnlySet<string> DocumentTypes);
