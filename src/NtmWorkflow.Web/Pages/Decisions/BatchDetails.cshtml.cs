using Microsoft.AspNetCore.Mvc;
using NtmWorkflow.Web.Features.Decisions;

namespace NtmWorkflow.Web.Pages.Decisions;

/// <summary>One batch decision: the decision once, and every dossier it decided, with links to each.</summary>
public sealed class BatchDetailsModel : AppPageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public DecisionBatchView Batch { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var outcome = await SendAsync(new GetDecisionBatch.Query(Id));
        if (outcome.Value is not { } batch)
        {
            return outcome.Stop ?? NotFound();
        }
        Batch = batch;
        return Page();
    }
}
