using Microsoft.AspNetCore.Mvc;
using NtmWorkflow.Web.Features;
using NtmWorkflow.Web.Features.Notifications;

namespace NtmWorkflow.Web.Pages.Notifications;

/// <summary>The official's notices, newest first, to read and mark as read.</summary>
public sealed class IndexModel : AppPageModel
{
    /// <summary>
    /// The page of the list, as <c>?pageNumber=</c>: <c>page</c> is Razor Pages' own route value (the page's name), which
    /// would be bound here instead and lost from every link the page writes.
    /// </summary>
    [BindProperty(SupportsGet = true)]
    public int? PageNumber { get; set; }

    public ListNotifications.NotificationPage Notices { get; private set; } = new([], 0, 0, 1, Paging.DefaultPageSize);

    [BindProperty]
    public NotificationSettings.Update Settings { get; set; } = new(null, null);

    public async Task<IActionResult> OnGetAsync()
    {
        var settings = await Mediator.Send(new NotificationSettings.Get());
        Settings = new NotificationSettings.Update(settings.Email, settings.EmailPreference);
        return await LoadAsync();
    }

    /// <summary>Where e-mail goes and how: each notice at once, a daily digest, or none.</summary>
    public async Task<IActionResult> OnPostSettingsAsync()
    {
        ModelState.Clear();
        var outcome = await SendAsync(Settings, Under("Settings"));
        if (outcome.Value is not null)
        {
            Flash(Text["Đã lưu."]);
            return RedirectToPage();
        }
        return outcome.Stop ?? await LoadAsync();
    }

    private async Task<IActionResult> LoadAsync()
    {
        var outcome = await SendAsync(new ListNotifications.Query(null, Math.Max(1, PageNumber ?? 1), Paging.DefaultPageSize));
        Notices = outcome.Value ?? Notices;
        return outcome.Stop ?? Page();
    }

    public async Task<IActionResult> OnPostReadAsync(long notice)
    {
        var outcome = await SendAsync(new MarkNotificationsRead.Command(notice));
        return outcome.Stop ?? RedirectToPage(new { pageNumber = PageNumber });
    }

    public async Task<IActionResult> OnPostReadAllAsync()
    {
        await Mediator.Send(new MarkNotificationsRead.Command(null));
        return RedirectToPage();
    }
}
