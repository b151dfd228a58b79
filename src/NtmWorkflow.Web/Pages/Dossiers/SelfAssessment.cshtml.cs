using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using NtmWorkflow.Engine.Criteria;
using NtmWorkflow.Web.Features.Criteria;

namespace NtmWorkflow.Web.Pages.Dossiers;

/// <summary>
/// The commune's self-assessment: every criterion met or not with its explanation and its indicators' values, and the
/// recognition conditions.
/// </summary>
public sealed class SelfAssessmentModel : AppPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>The numbers of the criteria ticked as met.</summary>
    [BindProperty]
    public List<int> Met { get; set; } = [];

    [BindProperty]
    public UpdateConditions.Body? Conditions { get; set; }

    public GetCriteria.CriteriaView Criteria { get; private set; } = null!;

    /// <summary>The criteria form came back with errors: show what was posted, not what is saved.</summary>
    public bool CriteriaPosted { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    /// <summary>
    /// Saves each criterion whose answer, explanation or indicator values changed; each is its own entry in the history.
    /// A value that cannot be read stops the whole form before anything is saved.
    /// </summary>
    public async Task<IActionResult> OnPostCriteriaAsync()
    {
        CriteriaPosted = true;
        if (await LoadAsync() is { } stop)
        {
            return stop;
        }
        var answers = Criteria.Criteria
            .Select(c => (Criterion: c, Met: Met.Contains(c.Number), Explanation: Explanation(c.Number), Values: TypedValues(c)))
            .ToList();
        if (!ModelState.IsValid)
        {
            return Page();
        }
        foreach (var (criterion, met, explanation, values) in answers)
        {
            if (criterion.SelfAssessment is { } previous && previous.Met == met && previous.Explanation == explanation
                && Same(previous.Values, values))
            {
                continue;
            }
            var body = new AssessCriterion.Body(met, values.ToDictionary(v => v.Key, v => Json(v.Value)), explanation);
            var outcome = await SendAsync(new AssessCriterion.Command(Id, criterion.Number, body), field => FieldOf(criterion.Number, field));
            if (outcome.Stop is not null)
            {
                return outcome.Stop;
            }
        }
        return Saved() ?? await LoadAsync() ?? Page();
    }

    public async Task<IActionResult> OnPostConditionsAsync()
    {
        var outcome = await SendAsync(new UpdateConditions.Command(Id, Conditions ?? new UpdateConditions.Body(null, null, null, null, null, null)),
            Under("Conditions"));
        return outcome.Stop ?? Saved() ?? await LoadAsync() ?? Page();
    }

    /// <summary>The explanation typed for a criterion, as posted (field "explanation-N").</summary>
    public string? Explanation(int number) =>
        Request.HasFormContentType && Request.Form[$"explanation-{number}"].ToString() is var text && !string.IsNullOrWhiteSpace(text)
            ? text.Trim()
            : null;

    /// <summary>The form field of an indicator's value ("value-6.2"), which its messages are recorded under.</summary>
    public static string ValueField(string code) => $"value-{code}";

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

    private string? Typed(string code) =>
        Request.HasFormContentType && Request.Form[ValueField(code)].ToString().Trim() is { Length: > 0 } text ? text : null;

    /// <summary>
    /// The values filled in for the criterion's indicators, read as the browser sends them (a number input always
    /// uses a point, whatever the reader's language); an empty field is no value. One that cannot be read is recorded
    /// beside its field and in the form's summary.
    /// </summary>
    private Dictionary<string, IndicatorValue> TypedValues(GetCriteria.CriterionView criterion)
    {
        var values = new Dictionary<string, IndicatorValue>();
        foreach (var indicator in criterion.Indicators)
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
        field?.StartsWith("values.", StringComparison.Ordinal) == true ? ValueField(field["values.".Length..]) : $"Criterion{number}";

    private static bool Same(IReadOnlyDictionary<string, IndicatorValue> recorded, Dictionary<string, IndicatorValue> typed) =>
        recorded.Count == typed.Count && typed.All(v => recorded.TryGetValue(v.Key, out var r) && r == v.Value);

    private static JsonElement Json(IndicatorValue value) =>
        value.Flag is { } flag ? JsonSerializer.SerializeToElement(flag) : JsonSerializer.SerializeToElement(value.Number);

    private IActionResult? Saved()
    {
        if (!ModelState.IsValid)
        {
            return null;
        }
        Flash(Text["Đã lưu."]);
        return RedirectToPage(new { id = Id });
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var criteria = await SendAsync(new GetCriteria.Query(Id));
        if (criteria.Value is null)
        {
            return criteria.Stop ?? NotFound();
        }
        Criteria = criteria.Value;
        return null;
    }
}
