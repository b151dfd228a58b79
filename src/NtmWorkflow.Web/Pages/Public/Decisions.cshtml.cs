using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Features;
using NtmWorkflow.Web.Features.Public;

namespace NtmWorkflow.Web.Pages.Public;

/// <summary>The public registry of recognition decisions, searchable by name, province and year, without signing in.</summary>
public sealed class DecisionsModel(AppDbContext db) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? ProvinceCode { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    /// <summary>
    /// The page of the list, as <c>?pageNumber=</c>: <c>page</c> is Razor Pages' own route value (the page's name), which
    /// would be bound here instead and lost from every link the page writes.
    /// </summary>
    [BindProperty(SupportsGet = true)] public int? PageNumber { get; set; }

    public Paged<ListDecisions.RecognitionDecision>? Result { get; private set; }

    public IReadOnlyList<AdministrativeUnit> Provinces { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        Provinces = await db.Units.AsNoTracking().Where(u => u.Kind == UnitKinds.Province).OrderBy(u => u.SearchName).ToListAsync();
        var outcome = await SendAsync(new ListDecisions.Query(
            string.IsNullOrWhiteSpace(Q) ? null : Q, string.IsNullOrWhiteSpace(ProvinceCode) ? null : ProvinceCode, Year,
            PageNumber, Paging.DefaultPageSize));
        Result = outcome.Value;
        return outcome.Stop ?? Page();
    }

    public string PageLink(int page) => Url.Page("/Public/Decisions", new { q = Q, provinceCode = ProvinceCode, year = Year, pageNumber = page })!;
}
