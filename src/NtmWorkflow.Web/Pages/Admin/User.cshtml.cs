using Microsoft.AspNetCore.Mvc;
using NtmWorkflow.Web.Features.Admin;

namespace NtmWorkflow.Web.Pages.Admin;

/// <summary>One official: deactivate or reactivate them, or set a new password (which also unlocks the account).</summary>
public sealed class UserModel : AppPageModel
{
    [BindProperty(SupportsGet = true)]
    public string UserName { get; set; } = "";

    [BindProperty]
    public string? NewPassword { get; set; }

    public UserView Account { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostActiveAsync(bool active) =>
        await DoneAsync(await SendAsync(new ManageUser.SetActive(UserName, active)),
            active ? Text["Đã kích hoạt lại tài khoản."] : Text["Đã vô hiệu hóa tài khoản."]);

    public async Task<IActionResult> OnPostPasswordAsync() =>
        await DoneAsync(await SendAsync(new ManageUser.ResetPassword(UserName, NewPassword), _ => nameof(NewPassword)),
            Text["Đã đặt lại mật khẩu."]);

    private async Task<IActionResult> DoneAsync(Outcome<UserView> outcome, string message)
    {
        if (outcome.Value is not null)
        {
            Flash(message);
            return RedirectToPage(new { userName = UserName });
        }
        return outcome.Stop ?? await LoadAsync() ?? Page();
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var users = await SendAsync(new ListUsers.Query(UserName, 1, 100));
        if (users.Value?.Items.FirstOrDefault(u => u.UserName == UserName) is not { } account)
        {
            return users.Stop ?? NotFound();
        }
        Account = account;
        return null;
    }
}
