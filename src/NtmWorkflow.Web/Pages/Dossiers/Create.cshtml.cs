using Microsoft.AspNetCore.Mvc;
using NtmWorkflow.Engine.Calendar;
using NtmWorkflow.Engine.Periods;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Features.Dossiers;

namespace NtmWorkflow.Web.Pages.Dossiers;

/// <summary>Opens a dossier for a unit in the official's scope; the rules (role, prerequisites, one open per level) are the API's.</summary>
public sealed class CreateModel(UnitsInScope units, PeriodCatalog periods, TimeProvider clock) : AppPageModel
{
    [BindProperty] public string? UnitCode { get; set; }
    [BindProperty] public string? Level { get; set; }
    [BindProperty] public int? Year { get; set; }

    public IReadOnlyList<AdministrativeUnit> Units { get; private set; } = [];

    /// <summary>The programme periods, so the form can say which years take which dossiers.</summary>
    public IReadOnlyList<ProgrammePeriod> Periods => periods.All;

    /// <summary>The first year a period still takes new dossiers for: earlier periods are history only.</summary>
    public int MinYear => periods.All.Where(p => p.Subjects.Count > 0).Select(p => p.FromYear).DefaultIfEmpty(MaxYear).Min();

    public int MaxYear => periods.All[^1].ToYear;

    public async Task OnGetAsync()
    {
        Year = WorkingCalendar.ToVietnamDate(clock.GetUtcNow().UtcDateTime).Year;
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

    private async Task LoadUnitsAsync() => Units = await units.ListAsync(dossierSubjectsOnly: true, HttpContext.RequestAborted);
}
