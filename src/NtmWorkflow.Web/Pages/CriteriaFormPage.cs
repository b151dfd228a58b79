using System.Globalization;
using System.Text.Json;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using NtmWorkflow.Engine.Criteria;
using NtmWorkflow.Web.Features.Criteria;

namespace NtmWorkflow.Web.Pages;

/// <summary>One criterion as the per-criterion form shows it: what is recorded, and its indicators with their thresholds.</summary>
/// <param name="Values">The recorded indicator values; null when nothing is recorded for the criterion.</param>
/// <param name="JudgedInGroup">The commune group the recorded answer was judged under.</param>
public sealed record CriterionFormRow(
    int Number, string Name, bool Key, bool Met, string? Explanation, IReadOnlyDictionary<string, IndicatorValue>? Values,
    string? JudgedInGroup, IReadOnlyList<GetCriteria.IndicatorView> Indicators);

/// <summary>
/// A page with the per-criterion form (met or not, explanation, indicator values) that the dossier's self-assessment
/// and the commune's yearly status share (partial _CriteriaFormRows): reading what was posted, and saving each
/// criterion that changed as its own request.
/// </summary>
public abstract class CriteriaFormPage : AppPageModel
{
    /// <summary>The numbers of the criteria ticked as met.</summary>
    [BindProperty]
    public List<int> Met { get; set; } = [];

    /// <summary>The criteria form came back with errors: show what was posted, not what is saved.</summary>
    public bool CriteriaPosted { get; protected set; }

    public abstract IReadOnlyList<CriterionFormRow> FormRows { get; }

    /// <summary>The commune's group today, beside which an answer judged under another group is pointed out.</summary>
    public abstract string? GroupToday { get; }

    public bool Ticked(CriterionFormRow row) => CriteriaPosted ? Met.Contains(row.Number) : row.Met;

    /// <summary>The explanation typed for a criterion, as posted (field "explanation-N").</summary>
    public string? Explanation(int number) =>
        Request.HasFormContentType && Request.Form[$"explanation-{number}"].ToString() is var text && !string.IsNullOrWhiteSpace(text)
            ? text.Trim()
            : null;

    /// <summary>The form field of an indicator's value ("value-6.2"), which its messages are recorded under.</summary>
    public static string ValueField(string code) => $"value-{code}";

    /// <summary>The field a refusal of the criterion is shown beside when it names no indicator.</summary>
    public static string CriterionField(int number) => $"Criterion{number}";

    /// <summary>
    /// What the indicator's field shows: as posted when the form came back, else the recorded value — a number with a
    /// point for the decimals, "true"/"false" for a yes-no indicator, empty for none.
    /// </summary>
    public string Shown(GetCriteria.IndicatorView indicator) => CriteriaPosted
        ? Typed(indicator.Code) ?? ""
        : indicator.Value switch
        {
            { Flag: { } flag } => flag ? "true" : "false",
            { Number: { } number } => Display.InputNumber(number),
            _ => "",
        };

    /// <summary>
    /// Sends one request per criterion whose answer, explanation or indicator values changed; a value that cannot be
    /// read stops the whole form before anything is sent.
    /// </summary>
    /// <returns>The page to answer with when the form stops; null when every change was sent (or refused with a message).</returns>
    protected async Task<IActionResult?> SaveChangedAsync<T>(
        Func<int, bool, string?, Dictionary<string, JsonElement>, IRequest<T>> request)
    {
        CriteriaPosted = true;
        var answers = FormRows
            .Select(row => (Row: row, Met: Met.Contains(row.Number), Explanation: Explanation(row.Number), Values: TypedValues(row)))
            .ToList();
        if (!ModelState.IsValid)
        {
            return Page();
        }
        foreach (var (row, met, explanation, values) in answers)
        {
            if (row.Values is { } recorded && row.Met == met && row.Explanation == explanation && Same(recorded, values))
            {
                continue;
            }
            var outcome = await SendAsync(request(row.Number, met, explanation, values.ToDictionary(v => v.Key, v => Json(v.Value))),
                field => FieldOf(row.Number, field));
            if (outcome.Stop is not null)
            {
                return outcome.Stop;
            }
        }
        return null;
    }

    private string? Typed(string code) =>
        Request.HasFormContentType && Request.Form[ValueField(code)].ToString().Trim() is { Length: > 0 } text ? text : null;

    /// <summary>
    /// The values filled in for the criterion's indicators, read as the browser sends them (a number input always
    /// uses a point, whatever the reader's language); an empty field is no value. One that cannot be read is recorded
    /// beside its field and in the form's summary.
    /// </summary>
    private Dictionary<string, IndicatorValue> TypedValues(CriterionFormRow row)
    {
        var values = new Dictionary<string, IndicatorValue>();
        foreach (var indicator in row.Indicators)
        {
            if (Typed(indicator.Code) is not { } text)
            {
                continue;
            }
            var value = indicator.Kind == GetCriteria.YesNo
                ? bool.TryParse(text, out var flag) ? new IndicatorValue(flag, null) : null
                : decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                    ? new IndicatorValue(null, number)
                    : null;
            if (value is null)
            {
                ModelState.AddModelError(ValueField(indicator.Code),
                    indicator.Kind == GetCriteria.YesNo ? Text["Giá trị '{0}' không hợp lệ.", text] : Text["Cần nhập một số."]);
                ModelState.AddModelError("", Text["Chưa lưu: giá trị của chỉ tiêu {0} không hợp lệ.", indicator.Code]);
                continue;
            }
            values[indicator.Code] = value;
        }
        return values;
    }

    /// <summary>Where a refusal of the criterion is shown: beside the indicator it names ("values.6.2"), else beside its explanation.</summary>
    private static string FieldOf(int number, string? field) =>
        field?.StartsWith("values.", StringComparison.Ordinal) == true ? ValueField(field["values.".Length..]) : CriterionField(number);

    private static bool Same(IReadOnlyDictionary<string, IndicatorValue> recorded, Dictionary<string, IndicatorValue> typed) =>
        recorded.Count == typed.Count && typed.All(v => recorded.TryGetValue(v.Key, out var r) && r == v.Value);

    private static JsonElement Json(IndicatorValue value) =>
        value.Flag is { } flag ? JsonSerializer.SerializeToElement(flag) : JsonSerializer.SerializeToElement(value.Number);
}
