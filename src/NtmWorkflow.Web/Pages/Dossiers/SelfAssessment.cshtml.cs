using Microsoft.AspNetCore.Mvc;
using NtmWorkflow.Web.Features.Criteria;

namespace NtmWorkflow.Web.Pages.Dossiers;

/// <summary>The commune's self-assessment: every criterion met or not with its explanation, and the recognition conditions.</summary>
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

    /// <summary>Saves each criterion whose answer or explanation changed; each is its own entry in the history.</summary>
    public async Task<IActionResult> OnPostCriteriaAsync()
    {
        CriteriaPosted = true;
        if (await LoadAsync() is { } stop)
        {
            return stop;
        }
        foreach (var criterion in Criteria.Criteria)
        {
            var met = Met.Contains(criterion.Number);
            var explanation = Explanation(criterion.Number);
            if (criterion.SelfAssessment is { } previous && previous.Met == met && previous.Explanation == explanation)
            {
                continue;
            }
            var outcome = await SendAsync(new AssessCriterion.Command(Id, criterion.Number, new AssessCriterion.Body(met, null, explanation)),
                _ => $"Criterion{criterion.Number}");
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
