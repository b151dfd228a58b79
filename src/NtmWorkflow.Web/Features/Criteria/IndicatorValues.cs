using System.Text.Json;
using FluentValidation;
using NtmWorkflow.Engine.Criteria;

namespace NtmWorkflow.Web.Features.Criteria;

/// <summary>
/// Indicator values as a criterion's body carries them (code → true/false for yes-no indicators, a number for the
/// others), for the dossier's self-assessment and the commune's yearly status alike.
/// </summary>
public static class IndicatorValues
{
    public static IndicatorValue? Read(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => new IndicatorValue(true, null),
        JsonValueKind.False => new IndicatorValue(false, null),
        JsonValueKind.Number when value.TryGetDecimal(out var number) => new IndicatorValue(null, number),
        _ => null,
    };

    /// <summary>Values already checked by <see cref="MustBeReadable{T}"/>.</summary>
    public static Dictionary<string, IndicatorValue> ReadAll(Dictionary<string, JsonElement>? values) =>
        (values ?? []).ToDictionary(v => v.Key, v => Read(v.Value)!);

    /// <summary>A 400 on <c>values.CODE</c> for each value that is neither true/false nor a number.</summary>
    public static void MustBeReadable<T>(this AbstractValidator<T> validator, Func<T, Dictionary<string, JsonElement>?> values) =>
        validator.RuleFor(r => values(r)).Custom((posted, context) =>
        {
            foreach (var (code, _) in (posted ?? []).Where(v => Read(v.Value) is null))
            {
                context.AddFailure($"values.{code}", $"Giá trị của chỉ tiêu '{code}' phải là true/false hoặc một số.");
            }
        });
}
