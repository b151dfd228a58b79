using Microsoft.AspNetCore.Mvc;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Features.Reports;
using NtmWorkflow.Web.Pages.Dossiers;

namespace NtmWorkflow.Web.Pages.Reports;

/// <summary>The programme report of a scope and year, each figure a link to the communes or dossiers behind it.</summary>
public sealed class IndexModel(UnitsInScope units) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public string? Scope { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public GetProgrammeReport.Report? Report { get; private set; }

    /// <summary>The units a report may be asked for: the official's own and those under it, except wards and hamlets.</summary>
    public IReadOnlyList<AdministrativeUnit> ScopeChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var outcome = await SendAsync(new GetProgrammeReport.Query(ReportScope.CodeFor(Scope, User), Year));
        Report = outcome.Value;
        ScopeChoices = (await units.ListAsync(dossierSubjectsOnly: false, HttpContext.RequestAborted))
            .Where(u => u.Kind is not (UnitKinds.Phuong or UnitKinds.Hamlet)).ToList();
        return outcome.Stop ?? Page();
    }
}
