using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using NtmWorkflow.Engine;
using NtmWorkflow.Engine.Definitions;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Features;
using NtmWorkflow.Web.Features.Dossiers;

namespace NtmWorkflow.Web.Pages.Dossiers;

/// <summary>The dossiers in the official's scope, filtered, searched by unit name, sorted and paged.</summary>
public sealed class IndexModel(DefinitionCatalog catalog, UnitsInScope units) : AppPageModel
{
    public IReadOnlyDictionary<string, string> Statuses => DossierStatuses.VietnameseNames;

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
    // The procedure report's filters (its figures link here with them); the form keeps them while they are set.
    [BindProperty(SupportsGet = true)] public string? LeftStage { get; set; }
    [BindProperty(SupportsGet = true)] public int? LeftYear { get; set; }
    [BindProperty(SupportsGet = true)] public int? DecidedYear { get; set; }
    [BindProperty(SupportsGet = true)] public bool? DecidedLate { get; set; }
    /// <summary>
    /// The page of the list, as <c>?pageNumber=</c>: <c>page</c> is Razor Pages' own route value (the page's name), which
    /// would be bound here instead and lost from every link the page writes.
    /// </summary>
    [BindProperty(SupportsGet = true)] public int? PageNumber { get; set; }

    public Paged<DossierSummary>? Result { get; private set; }

    /// <summary>The stage filter's choices: each stage code of the shipped procedures once, with its titles.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> StageChoices { get; private set; } = [];

    /// <summary>The unit filter's choices; choosing a district or province lists the dossiers of the units below it too.</summary>
    public IReadOnlyList<AdministrativeUnit> UnitChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var outcome = await SendAsync(new ListDossiers.Query(
            Blank(Stage), Blank(Status), Blank(UnitCode), Year, PageNumber, Paging.DefaultPageSize, Blank(Level), Overdue, Blank(Q), Blank(Sort),
            Blank(LeftStage), LeftYear, DecidedYear, DecidedLate));
        Result = outcome.Value;
        StageChoices = Stages(catalog);
        UnitChoices = await units.ListAsync(dossierSubjectsOnly: false, HttpContext.RequestAborted);
        return outcome.Stop ?? Page();
    }

    public string PageLink(int page) => Url.Page("/Dossiers/Index",
        new { q = Q, status = Status, level = Level, stage = Stage, year = Year, unitCode = UnitCode, overdue = Overdue, sort = Sort,
            leftStage = LeftStage, leftYear = LeftYear, decidedYear = DecidedYear, decidedLate = DecidedLate, pageNumber = page })!;

    /// <summary>The whole filtered list as a file (every page, the same order), for the export links.</summary>
    public string ExportLink(string format) => "/dossiers/export" + QueryString.Create(new Dictionary<string, string?>
    {
        ["format"] = format,
        ["q"] = Blank(Q),
        ["status"] = Blank(Status),
        ["level"] = Blank(Level),
        ["stage"] = Blank(Stage),
        ["year"] = Year?.ToString(CultureInfo.InvariantCulture),
        ["unitCode"] = Blank(UnitCode),
        ["overdue"] = Overdue is { } overdue ? (overdue ? "true" : "false") : null,
        ["sort"] = Blank(Sort),
        ["leftStage"] = Blank(LeftStage),
        ["leftYear"] = LeftYear?.ToString(CultureInfo.InvariantCulture),
        ["decidedYear"] = DecidedYear?.ToString(CultureInfo.InvariantCulture),
        ["decidedLate"] = DecidedLate is { } late ? (late ? "true" : "false") : null,
    }.Where(p => p.Value is not null));

    /// <summary>
    /// Recognition procedures first, each stage in the order a dossier meets it; a code several procedures share (the
    /// filter matches it in all of them) shows each of its titles.
    /// </summary>
    private static List<KeyValuePair<string, string>> Stages(DefinitionCatalog catalog) =>
        catalog.All.OrderBy(d => d.Purpose != Purposes.Recognition).ThenBy(d => d.Id)
            .SelectMany(d => d.MainPath().Concat(d.Stages.Keys).Where(d.Stages.ContainsKey).Select(code => (Code: code, d.Stages[code].Title)))
            .GroupBy(stage => stage.Code)
            .Select(stage => KeyValuePair.Create(stage.Key, string.Join(" / ", stage.Select(s => s.Title).Distinct())))
            .ToList();

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
