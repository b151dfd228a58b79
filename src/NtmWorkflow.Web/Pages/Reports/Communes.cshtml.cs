using Microsoft.AspNetCore.Mvc;
using NtmWorkflow.Web.Features.Reports;

namespace NtmWorkflow.Web.Pages.Reports;

/// <summary>The communes behind one figure of the programme report.</summary>
public sealed class CommunesModel : AppPageModel
{
    [BindProperty(SupportsGet = true)] public string? Scope { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Level { get; set; }
    [BindProperty(SupportsGet = true)] public string? Band { get; set; }
    [BindProperty(SupportsGet = true)] public int? Criterion { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Met { get; set; }
    [BindProperty(SupportsGet = true)] public string? Planned { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Achieved { get; set; }
    [BindProperty(SupportsGet = true)] public string? Target { get; set; }

    public ListReportCommunes.Result? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var outcome = await SendAsync(new ListReportCommunes.Query(ReportScope.CodeFor(Scope, User), Year,
            new CommuneFilter(Level, Band, Criterion, Met, Planned, Achieved, Target)));
        Result = outcome.Value;
        return outcome.Stop ?? Page();
    }

    /// <summary>The report the list came from.</summary>
    public string ReportLink => Url.Page("/Reports/Index", new { scope = Result?.ScopeCode ?? Scope, year = Result?.Year ?? Year })!;
}
