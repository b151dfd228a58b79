using Microsoft.AspNetCore.Mvc;
using NtmWorkflow.Web.Features.Criteria;

namespace NtmWorkflow.Web.Pages.Dossiers;

/// <summary>
/// The commune's self-assessment: every criterion met or not with its explanation and its indicators' values, and the
/// recognition conditions.
/// </summary>
public sealed class SelfAssessmentModel : CriteriaFormPage
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public UpdateConditions.Body? Conditions { get; set; }

    public GetCriteria.CriteriaView Criteria { get; private set; } = null!;

    public override IReadOnlyList<CriterionFormRow> FormRows => Criteria.Criteria
        .Select(c => new CriterionFormRow(c.Number, c.Name, c.Key, c.SelfAssessment?.Met == true, c.SelfAssessment?.Explanation,
            c.SelfAssessment?.Values, c.SelfAssessment?.CommuneGroup, c.Indicators))
        .ToList();

    public override string? GroupToday => Criteria.CommuneGroup?.Group;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    /// <summary>Saves each criterion whose answer, explanation or indicator values changed; each is its own entry in the history.</summary>
    public async Task<IActionResult> OnPostCriteriaAsync()
    {
        if (await LoadAsync() is { } stop)
        {
            return stop;
        }
        return await SaveChangedAsync((number, met, explanation, values) =>
                new AssessCriterion.Command(Id, number, new AssessCriterion.Body(met, values, explanation)))
            ?? Saved() ?? await LoadAsync() ?? Page();
    }

    public async Task<IActionResult> OnPostConditionsAsync()
    {
        var outcome = await SendAsync(new UpdateConditions.Command(Id, Conditions ?? new UpdateConditions.Body(null, null, null, null, null, null)),
            Under("Conditions"));
        return outcome.Stop ?? Saved() ?? await LoadAsync() ?? Page();
    }

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
