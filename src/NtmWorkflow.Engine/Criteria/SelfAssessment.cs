namespace NtmWorkflow.Engine.Criteria;

/// <summary>A value recorded for one indicator: a yes/no answer or a number, as the indicator's kind asks.</summary>
public sealed record IndicatorValue(bool? Flag, decimal? Number);

/// <summary>What the commune declares for one criterion: met or not, and the indicator values behind it.</summary>
/// <param name="Group">
/// The commune group in force when the criterion was assessed, when recorded: it judges this claim instead of the
/// context's group (<see cref="ThresholdContext.For"/>).
/// </param>
public sealed record CriterionClaim(int Number, bool Met, IReadOnlyDictionary<string, IndicatorValue> Values, string? Group = null);

/// <summary>The conditions of recognition besides the criteria, as the commune recorded them.</summary>
public sealed record RecognitionConditions(
    decimal? SatisfactionPercent,
    decimal? ConstructionDebtVnd,
    bool? SecurityStable,
    decimal? IncomeAboveNangCaoPercent,
    int? SmartHamlets,
    string? StandoutField)
{
    public static readonly RecognitionConditions None = new(null, null, null, null, null, null);
}

/// <summary>Judges a self-assessment against its criteria set: which criteria fail, which conditions fail.</summary>
public static class CriteriaEvaluation
{
    /// <summary>
    /// A criterion is met only when the commune declared it met and no recorded indicator value contradicts the
    /// declaration: a declared "met" with a value below the threshold cannot succeed at the district.
    /// </summary>
    /// <exception cref="InvalidOperationException">A set keyed by group judged without a group (see <see cref="Threshold.For"/>).</exception>
    public static IReadOnlyList<Criterion> Unmet(
        CriteriaSet set, IReadOnlyDictionary<int, CriterionClaim> claims, ThresholdContext context) =>
        set.Criteria.Where(c => !claims.TryGetValue(c.Number, out var claim) || !Holds(c, claim, context)).ToList();

    /// <summary>Whether the claim meets its criterion: declared met, and no recorded value below its threshold.</summary>
    /// <exception cref="InvalidOperationException">A threshold keyed by group resolved without a group.</exception>
    public static bool Holds(Criterion criterion, CriterionClaim claim, ThresholdContext context) =>
        claim.Met && !Contradicted(criterion, claim, context.For(claim));

    /// <exception cref="InvalidOperationException">A threshold keyed by group resolved without a group.</exception>
    public static bool Meets(Indicator indicator, IndicatorValue value, ThresholdContext context) => indicator.Kind switch
    {
        IndicatorKind.YesNo => value.Flag == true,
        IndicatorKind.AtLeast => value.Number >= indicator.Threshold!.For(context),
        _ => value.Number <= indicator.Threshold!.For(context),
    };

    /// <summary>Why the value cannot be recorded for the indicator (wrong type), or null when it fits.</summary>
    public static string? TypeProblem(Indicator indicator, IndicatorValue value) =>
        (indicator.Kind, value) switch
        {
            (IndicatorKind.YesNo, { Flag: null }) => $"Chỉ tiêu {indicator.Code} cần giá trị true hoặc false.",
            (IndicatorKind.YesNo, _) => null,
            (_, { Number: null }) => $"Chỉ tiêu {indicator.Code} cần một số{(indicator.Unit is { } unit ? $" ({unit})" : "")}.",
            (_, { Number: < 0 }) => $"Chỉ tiêu {indicator.Code} không nhận số âm.",
            _ when indicator.Unit == "%" && value.Number > 100 => $"Chỉ tiêu {indicator.Code} là tỷ lệ phần trăm, tối đa 100.",
            _ => null,
        };

    /// <summary>Each failing condition, in Vietnamese; empty when all hold.</summary>
    public static IReadOnlyList<string> FailingConditions(ConditionRules rules, RecognitionConditions conditions)
    {
        var failing = new List<string>();
        if (conditions.SatisfactionPercent is not { } satisfaction || satisfaction < rules.MinSatisfactionPercent)
        {
            failing.Add($"Tỷ lệ người dân hài lòng phải đạt từ {rules.MinSatisfactionPercent}% trở lên.");
        }
        if (conditions.ConstructionDebtVnd is not 0m)
        {
            failing.Add("Phải không còn nợ đọng xây dựng cơ bản trong xây dựng nông thôn mới (ghi 0 đồng).");
        }
        if (conditions.SecurityStable is not true)
        {
            failing.Add("Tình hình an ninh, trật tự phải không phức tạp.");
        }
        if (rules.Model is { } model)
        {
            if (conditions.IncomeAboveNangCaoPercent is not { } income || income < model.MinIncomeAboveNangCaoPercent)
            {
                failing.Add($"Thu nhập bình quân đầu người phải cao hơn xã nông thôn mới nâng cao từ {model.MinIncomeAboveNangCaoPercent}% trở lên.");
            }
            if (conditions.SmartHamlets is not { } hamlets || hamlets < model.MinSmartHamlets)
            {
                failing.Add($"Phải có ít nhất {model.MinSmartHamlets} thôn thông minh.");
            }
            if (model.RequiresStandoutField && string.IsNullOrWhiteSpace(conditions.StandoutField))
            {
                failing.Add("Phải nêu lĩnh vực nổi trội theo quy định của tỉnh.");
            }
        }
        return failing;
    }

    private static bool Contradicted(Criterion criterion, CriterionClaim claim, ThresholdContext context) =>
        criterion.Indicators.Any(i => claim.Values.TryGetValue(i.Code, out var value) && !Meets(i, value, context));
}
