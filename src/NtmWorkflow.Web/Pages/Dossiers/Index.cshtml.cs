using Microsoft.AspNetCore.Mvc;
using NtmWorkflow.Engine;
using NtmWorkflow.Web.Features;
using NtmWorkflow.Web.Features.Dossiers;

namespace NtmWorkflow.Web.Pages.Dossiers;

/// <summary>The dossiers in the official's scope, filtered, searched by unit name, sorted and paged.</summary>
public sealed class IndexModel : AppPageModel
{
    public IReadOnlyDictionary<string, string> Statuses { get; } = new Dictionary<string, string>
    {
        [DossierStatuses.InProgress] = "Đang xử lý",
        [DossierStatuses.Recognised] = "Đã công nhận",
        [DossierStatuses.Rejected] = "Không công nhận",
        [DossierStatuses.Withdrawn] = "Đã rút",
        [DossierStatuses.Revoked] = "Đã thu hồi",
    };

    public IReadOnlyDictionary<string, string> SortNames { get; } = new Dictionary<string, string>
    {
        ["updated"] = "Mới cập nhật",
        ["due"] = "Hạn gần nhất",
        ["unit"] = "Tên đơn vị",
        ["year"] = "Năm",
    };

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Level { get; set; }
    [BindProperty(SupportsGet = true)] public string? Stage { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? UnitCode { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Overdue { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    /// <summary>
    /// The page of the list, as <c>?pageNumber=</c>: <c>page</c> is Razor Pages' own route value (the page's name), which
    /// would be bound here instead and lost from every link the page writes.
    /// </summary>
    [BindProperty(SupportsGet = true)] public int? PageNumber { get; set; }

    public Paged<DossierSummary>? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var outcome = await SendAsync(new ListDossiers.Query(
            Blank(Stage), Blank(Status), Blank(UnitCode), Year, PageNumber, Paging.DefaultPageSize, Blank(Level), Overdue, Blank(Q), Blank(Sort)));
        Result = outcome.Value;
        return outcome.Stop ?? Page();
    }

    public string PageLink(int page) => Url.Page("/Dossiers/Index",
        new { q = Q, status = Status, level = Level, stage = Stage, year = Year, unitCode = UnitCode, overdue = Overdue, sort = Sort, pageNumber = page })!;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
