using Microsoft.AspNetCore.Mvc;
using NtmWorkflow.Web.Features.Admin;

namespace NtmWorkflow.Web.Pages.Admin;

/// <summary>The administrative units: searched, renamed, and added under a parent.</summary>
public sealed class UnitsModel : AppPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty]
    public ManageUnits.Create New { get; set; } = new(null, null, null, null);

    [BindProperty]
    public string? Name { get; set; }

    public IReadOnlyList<ManageUnits.UnitView> Units { get; private set; } = [];

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

    private RedirectToPageResult Done(string message)
    {
        Flash(message);
        return RedirectToPage(new { q = Q });
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var units = await SendAsync(new ManageUnits.List(Q, null));
        Units = units.Value ?? [];
        return units.Stop;
    }
}
