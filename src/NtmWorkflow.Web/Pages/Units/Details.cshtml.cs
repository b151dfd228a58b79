using Microsoft.AspNetCore.Mvc;
using NtmWorkflow.Web.Features.Units;

namespace NtmWorkflow.Web.Pages.Units;

/// <summary>A unit with the units merged into it, their recognitions under the names they had, their dossiers and the unit's changes.</summary>
public sealed class DetailsModel : AppPageModel
{
    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = "";

    public GetUnit.UnitLineage Unit { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var outcome = await SendAsync(new GetUnit.Query(Code));
        if (outcome.Value is not { } unit)
        {
            return outcome.Stop ?? NotFound();
        }
        Unit = unit;
        return Page();
    }
}
