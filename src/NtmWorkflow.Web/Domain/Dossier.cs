using NtmWorkflow.Engine;
using NtmWorkflow.Engine.Calendar;
using NtmWorkflow.Engine.Criteria;
using NtmWorkflow.Engine.Definitions;
using NtmWorkflow.Engine.Reminders;
using NtmWorkflow.Engine.Transitions;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Domain;

/// <summary>
/// A commune's (or district's) recognition dossier. It moves only through <see cref="Act"/>, which asks the
/// engine whether the move is legal for the pinned definition, the actor's role and scope and the current stage,
/// and records every move in the timeline in the same save.
/// </summary>
public sealed class Dossier
{
    public const string CreateAction = "create";
    public const string UploadAction = "upload-document";
    public const string CorrectDecisionAction = "correct-decision";

    /// <summary>The titles of the timeline's events that are not actions of a definition.</summary>
    public static readonly IReadOnlyDictionary<string, string> OwnEventTitles = new Dictionary<string, string>
    {
        [CreateAction] = "Lập hồ sơ",
        [UploadAction] = "Tải tài liệu lên",
        [CorrectDecisionAction] = "Đính chính quyết định",
    };

    private readonly List<DossierEvent> events = [];

    private Dossier()
    {
    }

    public Guid Id { get; private set; }

    public string UnitCode { get; private set; } = "";

    public string UnitPath { get; private set; } = "";

    public string Level { get; private set; } = "";

    public int Year { get; private set; }

    public string WorkflowId { get; private set; } = "";

    public int WorkflowVersion { get; private set; }

    public string WorkflowHash { get; private set; } = "";

    public string CriteriaSetId { get; private set; } = "";

    public int CriteriaSetVersion { get; private set; }

    public string CriteriaSetHash { get; private set; } = "";

    /// <summary>Criteria self-assessed as met with no contradicting value, kept on the row so every list shows met/total.</summary>
    public int CriteriaMet { get; private set; }

    public int CriteriaTotal { get; private set; }

    public decimal? SatisfactionPercent { get; private set; }

    public decimal? ConstructionDebtVnd { get; private set; }

    public bool? SecurityStable { get; private set; }

    public decimal? IncomeAboveNangCaoPercent { get; private set; }

    public int? SmartHamlets { get; private set; }

    public string? StandoutField { get; private set; }

    public string Stage { get; private set; } = "";

    public string Status { get; private set; } = "";

    /// <summary>The role that acts next; kept on the row so task lists are one indexed query.</summary>
    public string? AwaitingRole { get; private set; }

    /// <summary>Optimistic concurrency: every move increments it and a stale write fails.</summary>
    public int Version { get; private set; }

    public DateTime StageEnteredAt { get; private set; }

    public DateTime? DueAt { get; private set; }

    /// <summary>Counts every entry into a stage, so a reminder or notice names the round it belongs to.</summary>
    public int StageRound { get; private set; }

    /// <summary>When the current stage's next reminder falls; null when none is left. Indexed for the reminder sweep.</summary>
    public DateTime? NextReminderAt { get; private set; }

    /// <summary>The stage whose statutory clock stopped when it returned the dossier for supplement.</summary>
    public string? PausedStage { get; private set; }

    /// <summary>What was left of that stage's limit, in its unit, to resume with on resubmission.</summary>
    public int? PausedRemaining { get; private set; }

    public string? DecisionNumber { get; private set; }

    public DateOnly? DecisionDate { get; private set; }

    public string? DecisionSigner { get; private set; }

    /// <summary>The batch decision that decided the dossier together with others of its province; null for one signed alone.</summary>
    public Guid? DecisionBatchId { get; private set; }

    public DateOnly? CeremonyDate { get; private set; }

    public string? CeremonyPlace { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime UpdatedAt { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public IReadOnlyList<DossierEvent> Events => events;

    public RecognitionConditions Conditions => new(
        SatisfactionPercent, ConstructionDebtVnd, SecurityStable, IncomeAboveNangCaoPercent, SmartHamlets, StandoutField);

    public static Dossier Open(
        AdministrativeUnit unit, string level, int year, WorkflowDefinition definition, Func<string, CriteriaSet> criteriaOf,
        Actor actor, DateTime now, WorkingCalendar calendar)
    {
        // A ward passes here as the commune tier it is, to be refused below with its own reason once in scope.
        if (UnitKinds.TierSubject(unit.Kind) != definition.Subject)
        {
            throw ProblemException.BadRequest("workflow",
                $"Quy trình '{definition.Id}' dành cho đơn vị cấp {definition.Subject}, còn '{unit.Name}' là cấp {UnitKinds.VietnameseName(unit.Kind)}.");
        }
        if (!definition.Levels.Contains(level))
        {
            throw ProblemException.BadRequest("level", $"Quy trình '{definition.Id}' không áp dụng cho mức '{level}'.");
        }
        var starter = definition.Stages[definition.Start].Actor;
        if (!actor.Roles.Contains(starter) || !actor.CanSee(unit.Path))
        {
            throw ProblemException.Forbidden(
                $"Chỉ {Roles.VietnameseName(starter)} của {unit.Name} mới được lập hồ sơ này.");
        }
        // Only a xã is a commune subject (UnitKinds.SubjectOf): a ward, like a dissolved unit, is refused here.
        unit.EnsureMayOpenDossier(WorkingCalendar.ToVietnamDate(now));
        var criteria = criteriaOf(definition.Criteria[level].SetId);
        var dossier = new Dossier
        {
            Id = Guid.CreateVersion7(new DateTimeOffset(now, TimeSpan.Zero)),
            UnitCode = unit.Code,
            UnitPath = unit.Path,
            Level = level,
            Year = year,
            WorkflowId = definition.Id,
            WorkflowVersion = definition.Version,
            WorkflowHash = definition.ContentHash,
            CriteriaSetId = criteria.Id,
            CriteriaSetVersion = criteria.Version,
            CriteriaSetHash = criteria.ContentHash,
            CriteriaTotal = criteria.Criteria.Count,
            CreatedAt = now,
            CreatedBy = actor.UserName,
        };
        dossier.MoveTo(definition, definition.Start, CreateAction, starter, ActionInput.None, actor, now, calendar);
        return dossier;
    }

    public void Act(
        WorkflowDefinition definition, string action, ActionInput input, GateFacts facts, Actor actor, int expectedVersion,
        DateTime now, WorkingCalendar calendar, DateTime? lastVoteAt = null)
    {
        EnsureInScope(actor);
        EnsureVersion(expectedVersion);
        var outcome = WorkflowEngine.Evaluate(definition, Stage, action, actor.Roles, input, facts);
        if (!outcome.Allowed)
        {
            throw Refuse(outcome);
        }
        var taken = definition.Stages[Stage].Actions[action];
        CheckDates(WorkflowEngine.RelevantInput(taken, input), now, lastVoteAt);
        if (taken.PausesClock && DueAt is { } due)
        {
            (PausedStage, PausedRemaining) = (Stage, Deadline(() => calendar.Remaining(now, due, definition.Stages[Stage].Limit!.Unit)));
        }
        MoveTo(definition, outcome.To!, action, taken.Actor, WorkflowEngine.RelevantInput(taken, input), actor, now, calendar);
    }

    /// <summary>What the dossier's thresholds are read for: the unit's region, its commune group and the dossier's year.</summary>
    public ThresholdContext Thresholds(AdministrativeUnit unit, string? communeGroup) => new(unit.Region, communeGroup, Year);

    /// <summary>
    /// The commune records one criterion's self-assessment. <paramref name="claims"/> holds the current claims of
    /// every criterion and is updated, so the met/total on the row always matches the entries. The entry keeps
    /// the claim's group, the commune's group in force that day.
    /// </summary>
    public CriterionEntry AssessCriterion(
        WorkflowDefinition definition, CriteriaSet criteria, CriterionClaim claim, string? explanation,
        IDictionary<int, CriterionClaim> claims, ThresholdContext thresholds, Actor actor, DateTime now)
    {
        var role = EnsureSelfAssessing(definition, actor);
        CriterionClaims.Check(criteria, claim);
        claims[claim.Number] = claim;
        CriteriaMet = CriteriaTotal - CriteriaEvaluation.Unmet(criteria, claims.AsReadOnly(), thresholds).Count;
        Touch(actor, now);
        return new CriterionEntry(Id, claim.Number, CriterionEntry.SelfAssessment, Stage, claim.Met, claim.Values, explanation, actor, role, now,
            claim.Group);
    }

    /// <summary>The acting reviewer of a review stage agrees or disagrees with one criterion's self-assessment.</summary>
    public CriterionEntry ReviewCriterion(CriteriaSet criteria, WorkflowDefinition definition, int number, bool agree, string? note, Actor actor, DateTime now)
    {
        EnsureInScope(actor);
        if (!definition.Stages.TryGetValue(Stage, out var stage) || !stage.Review)
        {
            throw ProblemException.Conflict($"Hồ sơ đang ở '{definition.TitleOf(Stage)}', không phải giai đoạn thẩm tra, thẩm định tiêu chí.");
        }
        if (!actor.Roles.Contains(stage.Actor))
        {
            throw ProblemException.Forbidden($"Chỉ {Roles.VietnameseName(stage.Actor)} mới được cho ý kiến về tiêu chí ở giai đoạn này.");
        }
        if (criteria.Criteria.All(c => c.Number != number))
        {
            throw ProblemException.NotFound($"Bộ tiêu chí '{criteria.Title}' không có tiêu chí số {number}.");
        }
        Touch(actor, now);
        return new CriterionEntry(Id, number, CriterionEntry.Review, Stage, agree, new Dictionary<string, IndicatorValue>(), note, actor, stage.Actor, now);
    }

    /// <summary>
    /// Papers are added by the actor of the current stage only: what an earlier round submitted is locked, and a
    /// supplement round adds new versions. Checked before any byte of an upload is read.
    /// </summary>
    public void EnsureCanUpload(WorkflowDefinition definition, Actor actor)
    {
        EnsureInScope(actor);
        if (!definition.Stages.TryGetValue(Stage, out var stage))
        {
            throw ProblemException.Conflict($"Hồ sơ đã kết thúc ({definition.TitleOf(Stage)}); không thể bổ sung tài liệu.");
        }
        if (MayUpload(definition, actor))
        {
            return;
        }
        if (definition.Stages.Values.Any(s => actor.Roles.Contains(s.Actor)))
        {
            throw ProblemException.Conflict(
                $"Hồ sơ đang ở giai đoạn '{stage.Title}': tài liệu các vòng trước đã khóa, chỉ {Roles.VietnameseName(stage.Actor)} được tải tài liệu lên.");
        }
        throw ProblemException.Forbidden($"Chỉ {Roles.VietnameseName(stage.Actor)} được tải tài liệu lên ở giai đoạn này.");
    }

    /// <summary>A comment from the public, accepted only while the current stage's posting runs.</summary>
    public PublicComment Comment(
        WorkflowDefinition definition, string? author, string? contact, string text, DateTime now, WorkingCalendar calendar)
    {
        if (PostingUntil(definition, now, calendar) is null)
        {
            throw ProblemException.Conflict("Hồ sơ này hiện không trong thời gian công khai lấy ý kiến.");
        }
        return new PublicComment(Id, StageRound, Stage, Clean(author), Clean(contact), text.Trim(), now);
    }

    /// <summary>Whether the actor may edit the self-assessment now: a self-assessment stage, its actor, in scope.</summary>
    public bool MaySelfAssess(WorkflowDefinition definition, Actor actor) =>
        MayUpload(definition, actor) && definition.Stages[Stage].SelfAssessment;

    /// <summary>Whether the caller may correct the dossier's recorded decision now.</summary>
    public bool MayCorrectDecision(WorkflowDefinition definition, Actor actor) =>
        DecisionNumber is not null && actor.CanSee(UnitPath) && DecisionSigners(definition).Any(actor.Roles.Contains);

    /// <summary>The roles that record a decision in this definition: the actors of the stages whose actions require one.</summary>
    private static List<string> DecisionSigners(WorkflowDefinition definition) => definition.Stages.Values
        .Where(s => s.Actions.Values.Any(a => a.Requires.Contains(RequiredField.Decision)))
        .Select(s => s.Actor).Distinct().ToList();

    /// <summary>Whether the actor may give verdicts on the criteria now: the actor of a stage that reviews them, in scope.</summary>
    public bool MayReview(WorkflowDefinition definition, Actor actor) =>
        MayUpload(definition, actor) && definition.Stages[Stage].Review;

    /// <summary>Whether the actor may add papers now: the current stage's actor, in scope.</summary>
    public bool MayUpload(WorkflowDefinition definition, Actor actor) =>
        actor.CanSee(UnitPath) && definition.Stages.TryGetValue(Stage, out var stage) && actor.Roles.Contains(stage.Actor);

    /// <summary>
    /// A paper type the current stage's actor may upload: a commune cannot put the province's decision or appraisal
    /// report into its own dossier (<see cref="WorkflowDefinition.MayUpload"/>).
    /// </summary>
    public DocumentType RequireUploadableType(WorkflowDefinition definition, string type)
    {
        var documentType = definition.Documents.GetValueOrDefault(type)
            ?? throw ProblemException.BadRequest("type",
                $"Loại tài liệu '{type}' không có trong quy trình (dùng: {string.Join(", ", definition.Documents.Keys)}).");
        var role = definition.Stages[Stage].Actor;
        return definition.MayUpload(type, role)
            ? documentType
            : throw ProblemException.Forbidden($"{Roles.VietnameseName(role)} không được tải lên loại tài liệu '{documentType.Title}' ({type}).");
    }

    /// <summary>The paper types the caller may upload now, for the picker.</summary>
    public IReadOnlyList<DocumentType> UploadableTypes(WorkflowDefinition definition, Actor actor) =>
        MayUpload(definition, actor)
            ? definition.Documents.Values.Where(d => definition.MayUpload(d.Code, definition.Stages[Stage].Actor)).ToList()
            : [];

    /// <summary>Adds the next version of a paper and records the upload in the timeline.</summary>
    public DossierDocument AddDocument(
        WorkflowDefinition definition, string type, int version, string fileName, string contentType, long size, string sha256,
        IReadOnlyList<int> criteria, Actor actor, DateTime now)
    {
        EnsureCanUpload(definition, actor);
        var documentType = RequireUploadableType(definition, type);
        var role = definition.Stages[Stage].Actor;
        Touch(actor, now);
        events.Add(new DossierEvent(Id, Version, now, actor, role, UploadAction, Stage, Stage,
            ActionInput.None with { Comment = $"{documentType.Title} – phiên bản {version}: {fileName}" }));
        return new DossierDocument(Id, type, version, fileName, contentType, size, sha256, Stage, documentType.Public, criteria, actor, now);
    }

    public void UpdateConditions(WorkflowDefinition definition, RecognitionConditions conditions, Actor actor, DateTime now)
    {
        EnsureSelfAssessing(definition, actor);
        (SatisfactionPercent, ConstructionDebtVnd, SecurityStable, IncomeAboveNangCaoPercent, SmartHamlets, StandoutField) =
            (conditions.SatisfactionPercent, conditions.ConstructionDebtVnd, conditions.SecurityStable,
             conditions.IncomeAboveNangCaoPercent, conditions.SmartHamlets, conditions.StandoutField?.Trim());
        Touch(actor, now);
    }

    /// <summary>The last day of the current stage's public posting while it still runs; null once it has ended.</summary>
    public DateOnly? PostingUntil(WorkflowDefinition definition, DateTime now, WorkingCalendar calendar)
    {
        if (definition.Stages.GetValueOrDefault(Stage)?.Posting is not { } posting)
        {
            return null;
        }
        var last = Deadline(() => calendar.LastDay(WorkingCalendar.ToVietnamDate(StageEnteredAt), posting));
        return last >= WorkingCalendar.ToVietnamDate(now) ? last : null;
    }

    public IReadOnlyList<ActionDefinition> AllowedActions(WorkflowDefinition definition, Actor actor) =>
        actor.CanSee(UnitPath) ? WorkflowEngine.AllowedActions(definition, Stage, actor.Roles) : [];

    private void EnsureInScope(Actor actor)
    {
        if (!actor.CanSee(UnitPath))
        {
            throw ProblemException.OutOfScope();
        }
    }

    /// <summary>Self-assessment is edited only in the stages the definition marks, by that stage's actor.</summary>
    private string EnsureSelfAssessing(WorkflowDefinition definition, Actor actor)
    {
        EnsureInScope(actor);
        if (!definition.Stages.TryGetValue(Stage, out var stage) || !stage.SelfAssessment)
        {
            var editable = definition.Stages.Values.Where(s => s.SelfAssessment).Select(s => s.Title);
            throw ProblemException.Conflict(
                $"Chỉ sửa tự đánh giá khi hồ sơ ở giai đoạn {string.Join(" hoặc ", editable)}; hồ sơ đang ở '{definition.TitleOf(Stage)}'.");
        }
        if (!actor.Roles.Contains(stage.Actor))
        {
            throw ProblemException.Forbidden($"Chỉ {Roles.VietnameseName(stage.Actor)} mới được sửa tự đánh giá.");
        }
        return stage.Actor;
    }

    /// <summary>
    /// The signer of a recorded decision corrects its number, date or signer (a typing error, a renumbered decision).
    /// The same date rules hold as at signing; the correction is an event naming the reason and the values replaced,
    /// so the history keeps both.
    /// </summary>
    public void CorrectDecision(
        WorkflowDefinition definition, Decision corrected, string reason, Actor actor, int expectedVersion, DateTime now, DateTime? lastVoteAt)
    {
        EnsureInScope(actor);
        var signers = DecisionSigners(definition);
        if (!signers.Any(actor.Roles.Contains))
        {
            throw ProblemException.Forbidden(
                $"Chỉ {string.Join(", ", signers.Select(Roles.VietnameseName))} được đính chính quyết định của hồ sơ này.");
        }
        if (DecisionNumber is not { } number || DecisionDate is not { } date || DecisionSigner is not { } signer)
        {
            throw ProblemException.Conflict("Hồ sơ chưa có quyết định được ghi nhận; không có gì để đính chính.");
        }
        EnsureVersion(expectedVersion);
        if (corrected == new Decision(number, date, signer))
        {
            throw ProblemException.BadRequest("decision", "Số, ngày ký và người ký giống quyết định đang ghi nhận: không có gì để đính chính.");
        }
        CheckDates(ActionInput.None with { Decision = corrected, Ceremony = CeremonyDate is { } held ? new Ceremony(held, CeremonyPlace!) : null },
            now, lastVoteAt);
        (DecisionNumber, DecisionDate, DecisionSigner) = (corrected.Number, corrected.Date, corrected.Signer);
        Touch(actor, now);
        var was = $"Đính chính quyết định (trước: số {number}, ngày {date:dd/MM/yyyy}, người ký {signer}). Lý do: {reason}";
        events.Add(new DossierEvent(Id, Version, now, actor, signers.First(actor.Roles.Contains), CorrectDecisionAction, Stage, Stage,
            ActionInput.None with { Comment = was, Decision = corrected }));
    }

    /// <summary>
    /// Names the batch decision the dossier is decided in (before its decision is recorded), or, with null, takes it out
    /// of its batch (a correction gave it a number of its own).
    /// </summary>
    public void AssignDecisionBatch(Guid? batchId) => DecisionBatchId = batchId;

    /// <summary>The caller saw the dossier as it is now; a stale version is refused before anything is written.</summary>
    public void EnsureVersion(int expectedVersion)
    {
        if (expectedVersion != Version)
        {
            throw ProblemException.Conflict(
                $"Hồ sơ đã được cập nhật bởi người khác (phiên bản hiện tại {Version}, bạn gửi {expectedVersion}). Hãy tải lại hồ sơ.");
        }
    }

    /// <summary>
    /// A decision is signed on a day that has come, and not before the vote that recommended it (the latest vote recorded
    /// on the dossier); a ceremony announces a decision already signed.
    /// </summary>
    private void CheckDates(ActionInput input, DateTime now, DateTime? lastVoteAt)
    {
        var today = WorkingCalendar.ToVietnamDate(now);
        if (input.Decision is { } decision)
        {
            if (decision.Date > today)
            {
                throw ProblemException.BadRequest("decision.date",
                    $"Ngày ký quyết định {decision.Date:dd/MM/yyyy} chưa đến (hôm nay là {today:dd/MM/yyyy}).");
            }
            if (lastVoteAt is { } voted && decision.Date < WorkingCalendar.ToVietnamDate(voted))
            {
                throw ProblemException.BadRequest("decision.date",
                    $"Ngày ký quyết định {decision.Date:dd/MM/yyyy} trước ngày biểu quyết đề nghị công nhận "
                    + $"{WorkingCalendar.ToVietnamDate(voted):dd/MM/yyyy}.");
            }
        }
        if (input.Ceremony is { } ceremony && (input.Decision?.Date ?? DecisionDate) is { } signed && ceremony.Date < signed)
        {
            throw ProblemException.BadRequest("ceremony.date",
                $"Ngày tổ chức lễ công bố {ceremony.Date:dd/MM/yyyy} trước ngày ký quyết định {signed:dd/MM/yyyy}.");
        }
    }

    /// <summary>Every change, not only moves, raises the version: an action always sees the data its actor saw.</summary>
    private void Touch(Actor actor, DateTime now)
    {
        UpdatedAt = now;
        UpdatedBy = actor.UserName;
        Version++;
    }

    private void MoveTo(
        WorkflowDefinition definition, string to, string action, string role, ActionInput input, Actor actor, DateTime now,
        WorkingCalendar calendar)
    {
        var from = action == CreateAction ? null : Stage;
        Stage = to;
        Status = definition.StatusOf(to);
        var stage = definition.Stages.GetValueOrDefault(to);
        AwaitingRole = stage?.Actor;
        StageEnteredAt = now;
        StageRound++;
        DueAt = stage?.Limit is { } limit ? Deadline(() => calendar.DueAt(now, Resumed(to, limit))) : null;
        NextReminderAt = FirstReminder(stage, now, calendar);
        if (input.Decision is { } decision)
        {
            (DecisionNumber, DecisionDate, DecisionSigner) = (decision.Number.Trim(), decision.Date, decision.Signer.Trim());
        }
        if (input.Ceremony is { } ceremony)
        {
            (CeremonyDate, CeremonyPlace) = (ceremony.Date, ceremony.Place.Trim());
        }
        Touch(actor, now);
        events.Add(new DossierEvent(Id, Version, now, actor, role, action, from, to, input, DueAt, from == PausedStage ? PausedRemaining : null));
    }

    /// <summary>
    /// Re-entering the stage whose clock was stopped resumes it with the time that was left; the pause is then spent.
    /// </summary>
    private TimeLimit Resumed(string stage, TimeLimit limit)
    {
        if (stage != PausedStage || PausedRemaining is not { } remaining)
        {
            return limit;
        }
        (PausedStage, PausedRemaining) = (null, null);
        return limit with { Amount = remaining };
    }

    private DateTime? FirstReminder(StageDefinition? stage, DateTime now, WorkingCalendar calendar)
    {
        if (stage?.Reminders is not { } policy || DueAt is not { } due)
        {
            return null;
        }
        try
        {
            return ReminderSchedule.NextAt(policy, WorkingCalendar.ToVietnamDate(due), now, now, calendar);
        }
        catch (CalendarException)
        {
            // The deadline itself is in a loaded year (DueAt succeeded); a reminder beyond it waits for that year's file.
            return null;
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static T Deadline<T>(Func<T> compute)
    {
        try
        {
            return compute();
        }
        catch (CalendarException e)
        {
            throw ProblemException.Conflict(e.Message);
        }
    }

    private static ProblemException Refuse(TransitionOutcome outcome) => Problem(outcome).RefusedBecause(outcome.Reasons);

    private static ProblemException Problem(TransitionOutcome outcome) => outcome.Refusal switch
    {
        Refusal.WrongRole => ProblemException.Forbidden(outcome.Message!),
        Refusal.MissingField or Refusal.InvalidField => ProblemException.BadRequest(outcome.Field!, outcome.Message!),
        _ when outcome.Blocking.Count > 0 => ProblemException.Conflict(outcome.Message!)
            .With("blockingCriteria", outcome.Blocking.Select(c => new { number = c.Number, name = c.Name }).ToList()),
        _ when outcome.Field is { } field => ProblemException.Conflict(outcome.Message!).With("field", field),
        _ => ProblemException.Conflict(outcome.Message!),
    };
}
