using NtmWorkflow.Engine.Criteria;
using NtmWorkflow.Engine.Transitions;

namespace NtmWorkflow.Web.Features.Drafts;

/// <summary>What a dossier's papers are drafted from, read from the dossier and its unit.</summary>
/// <param name="ReviewerName">The unit whose People's Committee receives the commune's submission (its district, or the province).</param>
/// <param name="CriteriaBasis">The criteria set's legal basis, when its file names one.</param>
/// <param name="ModelConditions">Whether the set asks the model-commune conditions (income, smart hamlets, standout field).</param>
/// <param name="Vote">The appraisal council's vote, once recorded.</param>
/// <param name="Decision">The recognition decision, once signed.</param>
/// <param name="Today">Vietnam's date today: the year of an undated paper.</param>
public sealed record DraftDossierFacts(
    string UnitName,
    string ProvinceName,
    string ReviewerName,
    string Level,
    int Year,
    string CriteriaTitle,
    string? CriteriaBasis,
    IReadOnlyList<DraftCriterion> Criteria,
    RecognitionConditions Conditions,
    bool ModelConditions,
    Vote? Vote,
    Decision? Decision,
    DateOnly Today);

/// <param name="Met">The commune's self-assessment as judged against its thresholds; null when not yet assessed.</param>
/// <param name="Agreed">The province appraiser's latest verdict on it; null when not yet given.</param>
public sealed record DraftCriterion(int Number, string Name, bool? Met, bool? Agreed);

/// <summary>What a batch decision is drafted from: the signed decision and every unit it decided.</summary>
public sealed record DraftBatchFacts(string ProvinceName, Decision Decision, IReadOnlyList<DraftBatchMember> Members);

public sealed record DraftBatchMember(string UnitName, string Level, int Year);
