using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Features.Dossiers;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Pages.Dossiers;

/// <summary>Opens a dossier for a unit in the official's scope; the rules (role, prerequisites, one open per level) are the API's.</summary>
public sealed class CreateModel(AppDbContext db, ICurrentActor actors, TimeProvider clock) : AppPageModel
{
    [BindProperty] public string? UnitCode { get; set; }
    [BindProperty] public string? Level { get; set; }
    [BindProperty] public int? Year { get; set; }

    public IReadOnlyList<AdministrativeUnit> Units { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Year = clock.GetUtcNow().Year;
        await LoadUnitsAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = await SendAsync(new CreateDossier.Command(UnitCode, Level, Year, null), field => field switch
        {
            "unitCode" => nameof(UnitCode),
            "level" => nameof(Level),
            "year" => nameof(Year),
            _ => "",
        });
        if (outcome.Value is { } created)
        {
            Flash($"{created.UnitName}: {created.StageTitle}");
            return RedirectToPage("/Dossiers/Details", new { id = created.Id });
        }
        await LoadUnitsAsync();
        return outcome.Stop ?? Page();
    }

    /// <summary>The communes and districts the official may open a dossier for: their own unit and those below it.</summary>
    private async Task LoadUnitsAsync()
    {
        var actor = await actors.RequireAsync(HttpContext.RequestAborted);
        Units = await db.Units.AsNoTracking()
            .Where(u => u.Path.StartsWith(actor.UnitPath) && (u.Kind == UnitKinds.Commune || u.Kind == UnitKinds.District))
            .OrderBy(u => u.SearchName)
            .Take(500)
            .ToListAsync(HttpContext.RequestAborted);
    }
}
