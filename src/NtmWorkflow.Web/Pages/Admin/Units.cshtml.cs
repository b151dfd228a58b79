using Microsoft.AspNetCore.Mvc;
using NtmWorkflow.Web.Features.Admin;
using NtmWorkflow.Web.Features.Units;

namespace NtmWorkflow.Web.Pages.Admin;

/// <summary>
/// The administrative units: searched, renamed, added under a parent, and reorganised (merged, moved, dissolved) as a
/// resolution decides. A refused reorganisation is shown in the page's error summary, with what was typed kept.
/// </summary>
public sealed class UnitsModel : AppPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty]
    public ManageUnits.Create New { get; set; } = new(null, null, null, null);

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public ReorganiseUnits.Merge Merge { get; set; } = new("", null, null, null, null);

    [BindProperty]
    public ReorganiseUnits.Move Move { get; set; } = new("", null, null, null, null);

    [BindProperty]
    public ReorganiseUnits.Dissolve Dissolve { get; set; } = new("", null, null, null);

    public IReadOnlyList<ManageUnits.UnitView> Units { get; private set; } = [];

    /// <summary>Every unit, for choosing what to reorganise whatever the search shows.</summary>
    public IReadOnlyList<ManageUnits.UnitView> AllUnits { get; private set; } = [];

    /// <summary>The unit whose rename came back with an error.</summary>
    public string? Renamed { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        ModelState.Clear();
        var outcome = await SendAsync(New, Under("New"));
        return outcome.Value is { } unit ? Done(Text["Đã thêm đơn vị {0}.", unit.Name]) : outcome.Stop ?? await LoadAsync() ?? Page();
    }

    public async Task<IActionResult> OnPostRenameAsync(string code)
    {
        ModelState.Clear();
        Renamed = code;
        var outcome = await SendAsync(new ManageUnits.Rename(code, Name), _ => nameof(Name));
        return outcome.Value is { } unit ? Done(Text["Đã đổi tên thành {0}.", unit.Name]) : outcome.Stop ?? await LoadAsync() ?? Page();
    }

    public Task<IActionResult> OnPostMergeAsync() => ReorganiseAsync(Merge, unit => Text["Đã sáp nhập {0} vào {1}.", unit.Name, unit.SuccessorCode!]);

    public Task<IActionResult> OnPostMoveAsync() => ReorganiseAsync(Move, unit => Text["Đã chuyển {0} sang {1}.", unit.Name, unit.ParentCode!]);

    public Task<IActionResult> OnPostDissolveAsync() => ReorganiseAsync(Dissolve, unit => Text["Đã giải thể {0}.", unit.Name]);

    private async Task<IActionResult> ReorganiseAsync(MediatR.IRequest<ManageUnits.UnitView> command, Func<ManageUnits.UnitView, string> done)
    {
        ModelState.Clear();
        var outcome = await SendAsync(command, _ => "");
        return outcome.Value is { } unit ? Done(done(unit)) : outcome.Stop ?? await LoadAsync() ?? Page();
    }

    private RedirectToPageResult Done(string message)
    {
        Flash(message);
        return RedirectToPage(new { q = Q });
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var units = await SendAsync(new ManageUnits.List(Q, null));
        Units = units.Value ?? [];
        var all = Q is null ? units : await SendAsync(new ManageUnits.List(null, null));
        AllUnits = all.Value ?? [];
        return units.Stop ?? all.Stop;
    }
}

/// <summary>What the unit choice of a reorganisation form shows: its field, the choices and the one kept after a refusal.</summary>
public sealed record UnitOptions(string Id, string Name, string? Selected, IReadOnlyList<ManageUnits.UnitView> Units);
