using Microsoft.AspNetCore.Mvc;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Features.Reports;
using NtmWorkflow.Web.Pages.Dossiers;

namespace NtmWorkflow.Web.Pages.Reports;

/// <summary>The procedure's figures for a unit and a year, each table with its chart, its export and the dossiers behind it.</summary>
public sealed class ProcedureModel(UnitsInScope units) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public string? Scope { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public ProcedureReport? Report { get; private set; }

    public IReadOnlyList<AdministrativeUnit> ScopeChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var outcome = await SendAsync(new GetProcedureReport.Query(Scope, Year), field => field == "year" ? nameof(Year) : "");
        Report = outcome.Value;
        ScopeChoices = await units.ListAsync(dossierSubjectsOnly: false, HttpContext.RequestAborted);
        return outcome.Stop ?? Page();
    }

    /// <summary>One table as a file (the API's export, for the signed-in page).</summary>
    public async Task<IActionResult> OnGetExportAsync(string table, string? format)
    {
        var file = await Mediator.Send(new ExportProcedureTable.Query(table, Scope, Year, format), HttpContext.RequestAborted);
        return File(file.Content, file.ContentType, file.FileName);
    }

    public string ExportLink(string table, string format) =>
        Url.Page("/Reports/Procedure", "Export", new { scope = Report?.ScopeCode, year = Report?.Year, table, format })!;
}
