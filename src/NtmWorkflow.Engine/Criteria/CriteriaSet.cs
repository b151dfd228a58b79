namespace NtmWorkflow.Engine.Criteria;

/// <summary>
/// A national criteria set as adapted by a province: the criteria a unit must meet for one level, their indicators
/// with thresholds that may differ by region, and the conditions beyond the criteria.
/// </summary>
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
    string Source);

/// <param name="Key">A criterion whose failure weighs in the revocation rule (income, environment, security…).</param>
public sealed record Criterion(int Number, string Name, bool Key, IReadOnlyList<Indicator> Indicators, int Line);

public sealed record Indicator(string Code, string Name, string? Unit, IndicatorKind Kind, Threshold? Threshold);

public enum IndicatorKind
{
    /// <summary>Đạt / không đạt.</summary>
    YesNo,

    /// <summary>The value must reach the threshold (≥).</summary>
    AtLeast,

    /// <summary>The value must not exceed the threshold (≤), e.g. the multidimensional poverty rate.</summary>
    AtMost,
}

/// <summary>A threshold with a default and the regions that differ from it.</summary>
public sealed record Threshold(decimal Default, IReadOnlyDictionary<string, decimal> ByRegion)
{
    public decimal For(string? region) => region is not null && ByRegion.TryGetValue(region, out var value) ? value : Default;
}

/// <summary>The conditions of recognition besides the criteria (spec: satisfaction, no construction debt, security).</summary>
public sealed record ConditionRules(int MinSatisfactionPercent, ModelConditions? Model);

/// <summary>What a model (kiểu mẫu) commune must show on top of the advanced criteria.</summary>
public sealed record ModelConditions(int MinIncomeAboveNangCaoPercent, int MinSmartHamlets, bool RequiresStandoutField);
