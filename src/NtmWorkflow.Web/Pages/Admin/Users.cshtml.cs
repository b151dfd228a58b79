using Microsoft.AspNetCore.Mvc;
using NtmWorkflow.Web.Features;
using NtmWorkflow.Web.Features.Admin;

namespace NtmWorkflow.Web.Pages.Admin;

/// <summary>The administrator's list of officials, and the form that creates one.</summary>
public sealed class UsersModel : AppPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty]
    public CreateUser.Command New { get; set; } = new(null, null, null, null, null, null);

    public Paged<UserView> Users { get; private set; } = new([], 0, 1, Paging.MaxPageSize);

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var outcome = await SendAsync(New, Under("New"));
        if (outcome.Value is { } created)
        {
            Flash(Text["Đã tạo người dùng {0}.", created.UserName]);
            return RedirectToPage();
        }
        return outcome.Stop ?? await LoadAsync() ?? Page();
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var users = await SendAsync(new ListUsers.Query(Q, 1, Paging.MaxPageSize));
        Users = users.Value ?? Users;
        return users.Stop;
    }
}
