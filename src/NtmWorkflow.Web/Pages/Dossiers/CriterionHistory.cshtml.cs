using Microsoft.AspNetCore.Mvc;
using NtmWorkflow.Web.Features;
using NtmWorkflow.Web.Features.Criteria;

namespace NtmWorkflow.Web.Pages.Dossiers;

/// <summary>Every self-assessment and verdict of one criterion of a dossier, newest first, a page at a time.</summary>
public sealed class CriterionHistoryModel : AppPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Number { get; set; }

    /// <summary>The page of the history (not "page": that names the Razor page).</summary>
    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public Paged<GetCriterionHistory.EntryView> History { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var outcome = await SendAsync(new GetCriterionHistory.Query(Id, Number, Math.Max(PageNumber, 1), null));
        if (outcome.Stop is { } stop)
        {
            return stop;
        }
        History = outcome.Value!;
        return Page();
    }
}
