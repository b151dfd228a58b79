using Microsoft.AspNetCore.Mvc;
using NtmWorkflow.Web.Features.Public;

namespace NtmWorkflow.Web.Pages.Public;

/// <summary>One batch decision in the public registry: every unit and level it recognised, without signing in.</summary>
public sealed class DecisionBatchModel : AppPageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public GetPublicDecisionBatch.PublicDecisionBatch Batch { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var outcome = await SendAsync(new GetPublicDecisionBatch.Query(Id));
        if (outcome.Value is not { } batch)
        {
            return outcome.Stop ?? NotFound();
        }
        Batch = batch;
        return Page();
    }
}
