using Microsoft.AspNetCore.Mvc;
using NtmWorkflow.Web.Features.Backups;

namespace NtmWorkflow.Web.Pages.Admin;

/// <summary>The latest backups (time, size, result, error), with a warning when they fall behind the schedule.</summary>
public sealed class BackupsModel : AppPageModel
{
    public ListBackups.View? Backups { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var backups = await SendAsync(new ListBackups.Query());
        Backups = backups.Value;
        return backups.Stop ?? Page();
    }
}
