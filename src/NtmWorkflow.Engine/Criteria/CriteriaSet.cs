using System.Text.Json.Serialization;

namespace NtmWorkflow.Engine.Criteria;

/// <summary>
/// A national criteria set as adapted by a province: the criteria a unit must meet for one level, their indicators
/// with thresholds that may differ by region or by commune group (<see cref="ThresholdsBy"/>) and by year, and the
/// conditions beyond the criteria.
/// </summary>
/// <param name="Provisional">The set's content is not confirmed against its legal text (an administrator replaces it).</param>
/// <remarks>
/// The parameters after <paramref name="Source"/> have defaults because the set is also read back from the JSON stored
/// for pinned dossiers, and sets stored before those keys existed were keyed by region, unmarked.
/// </remarks>
public sealed record CriteriaSet(
    string Id,
    int Version,
    string Title,
    string? LegalBasis,
    string Subject,
    string Level,
    IReadOnlyList<string> Regions,
    string? CriteriaFrom,
    IReadOnlyList<Criterion> Criteria,
    ConditionRules Conditions,
    string ContentHash,
    string Source,
    ThresholdBasis ThresholdsBy = ThresholdBasis.Region,
    IReadOnlyList<string>? Groups = null,
    bool Provisional = false,
    string? Note = null)
{
    /// <summary>The commune groups the thresholds name (<c>thresholds-by: group</c>); empty for a set keyed by region.</summary>
    public IReadOnlyList<string> Groups { get; init; } = Groups ?? [];

    /// <summary>
    /// The set is judged by commune group: evaluating it needs the commune's group, so a caller refuses a unit without
    /// one before evaluating (<see cref="Threshold.For"/> throws otherwise).
    /// </summary>
    [JsonIgnore]
    public bool NeedsGroup => ThresholdsBy == ThresholdBasis.Group;
}

/// <param name="Key">A criterion whose failure weighs in the revocation rule (income, environment, security…).</param>
public sealed record Criterion(int Number, string Name, bool Key, IReadOnlyList<Indicator> Indicators, int Line);

/// <param name="Provisional">
/// The indicator's text or threshold is a default not confirmed against the legal text; it is still evaluated.
/// </param>
/// <param name="Standard">
/// The reference the value is measured against, by year (e.g. the poverty standard in force), when the indicator names one.
/// </param>
public sealed record Indicator(
    string Code,
    string Name,
    string? Unit,
    IndicatorKind Kind,
    Threshold? Threshold,
    bool Provisional = false,
    string? Note = null,
    IReadOnlyList<YearText>? Standard = null)
{
    /// <summary>The standard in force in <paramref name="year"/>, or null when the indicator names none.</summary>
    public string? StandardFor(int year) => Standard is null ? null : InForce.Applicable(Standard, s => s.FromYear, year).Text;
}

/// <summary>A text in force from <see cref="FromYear"/> until the next entry.</summary>
public sealed record YearText(int FromYear, string Text);

public enum IndicatorKind
{
    /// <summary>Đạt / không đạt.</summary>
    YesNo,

    /// <summary>The value must reach the threshold (≥).</summary>
    AtLeast,

    /// <summary>The value must not exceed the threshold (≤), e.g. the multidimensional poverty rate.</summary>
    AtMost,
}

/// <summary>
/// A threshold: a default and the regions or groups (as <see cref="By"/> says) that differ from it; for a threshold that
/// changes over the period, <see cref="ByYear"/> lists every year's values, and <see cref="Default"/> and
/// <see cref="ByKey"/> are the first year's.
/// </summary>
/// <param name="ByKey">
/// Stored as <c>byRegion</c>: the name sets were stored under before group thresholds, so pinned sets still read back.
/// </param>
public sealed record Threshold(
    decimal Default,
    [property: JsonPropertyName("byRegion")] IReadOnlyDictionary<string, decimal> ByKey,
    ThresholdBasis By = ThresholdBasis.Region,
    IReadOnlyList<ThresholdStep>? ByYear = null)
{
    /// <summary>
    /// The value for the context: the entry of <see cref="ByYear"/> in force that year (the first entry also before it),
    /// then the context's region or group, else the default.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// A programming error: a threshold keyed by group resolved without a group. The caller checks
    /// <see cref="CriteriaSet.NeedsGroup"/> first; falling back to the default would judge the commune by the wrong value.
    /// </exception>
    public decimal For(ThresholdContext context)
    {
        var key = By == ThresholdBasis.Group
            ? context.Group ?? throw new InvalidOperationException(
                "A threshold keyed by commune group was resolved without a group; check CriteriaSet.NeedsGroup first.")
            : context.Region;
        var step = ByYear is { Count: > 0 } steps ? InForce.Applicable(steps, s => s.FromYear, context.Year) : null;
        var byKey = step?.ByKey ?? ByKey;
        return key is not null && byKey.TryGetValue(key, out var value) ? value : step?.Default ?? Default;
    }
}

/// <summary>The values in force from <see cref="FromYear"/>: a default and the regions or groups that differ.</summary>
public sealed record ThresholdStep(int FromYear, decimal Default, IReadOnlyDictionary<string, decimal> ByKey);

/// <summary>The rule shared by everything keyed by year: the latest entry not after the year; the first before it.</summary>
internal static class InForce
{
    public static T Applicable<T>(IReadOnlyList<T> entries, Func<T, int> year, int target)
        where T : class =>
        entries.LastOrDefault(e => year(e) <= target) ?? entries[0];
}

/// <summary>The conditions of recognition besides the criteria (spec: satisfaction, no construction debt, security).</summary>
public sealed record ConditionRules(int MinSatisfactionPercent, ModelConditions? Model);

/// <summary>What a model (kiểu mẫu) commune must show on top of the advanced criteria.</summary>
public sealed record ModelConditions(int MinIncomeAboveNangCaoPercent, int MinSmartHamlets, bool RequiresStandoutField);
