using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Browser.Tests.Support;

/// <summary>An official in their own browser window, doing what they would do with the mouse and keyboard.</summary>
public sealed partial class Official(IPage page)
{
    public IPage Page => page;

    public static async Task<Official> SignInAsync(BrowserSuite suite, string userName)
    {
        var page = await suite.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Tên đăng nhập").FillAsync(userName);
        await page.GetByLabel("Mật khẩu").FillAsync(NtmApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        try
        {
            // Arriving is enough: what the test does next waits for its own elements. Waiting for the load event as
            // well timed out now and then on a loaded machine with the home page already shown.
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/", new() { WaitUntil = WaitUntilState.Commit });
        }
        catch (TimeoutException) when (new Uri(page.Url).AbsolutePath == "/")
        {
            // Already there: on a loaded machine the redirect can commit before the wait begins to listen for it.
        }
        catch (TimeoutException e)
        {
            // Say where the browser was left and what the page said, so that a refused sign-in can be told from a slow one.
            var shown = await page.Locator("body").InnerTextAsync(new() { Timeout = 5000 });
            throw new TimeoutException($"{userName} was not taken to the home page; the browser is at {page.Url}, showing: {shown}", e);
        }
        return new Official(page);
    }

    public async Task OpenAsync(string path) => await page.GotoAsync(path);

    /// <summary>Uploads a small PDF as the paper of the given type: from the checklist when it lists it, else the documents form.</summary>
    public async Task UploadAsync(string type)
    {
        var listed = page.Locator($"form.upload[action*='type={type}']");
        var form = await listed.CountAsync() > 0 ? listed.First : page.Locator("#upload-any");
        if (await listed.CountAsync() == 0)
        {
            await form.GetByLabel("Loại tài liệu").SelectOptionAsync(type);
        }
        await form.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = $"{type}.pdf", MimeType = "application/pdf", Buffer = Encoding.UTF8.GetBytes($"%PDF-1.7\n% {type}\n"),
        });
        await SubmitAsync(form);
        await ConfirmedAsync("Đã tải lên", type);
    }

    /// <summary>Takes an action from the panel, after filling what it asks for, and waits for the confirmation.</summary>
    public async Task ActAsync(string action, Func<ILocator, Task>? fill = null)
    {
        var form = page.Locator($"form[action*='action={action}']");
        if (fill is not null)
        {
            await fill(form);
        }
        await SubmitAsync(form);
        await ConfirmedAsync("Đã thực hiện", action);
    }

    /// <summary>Submits, after clearing the last confirmation so that only the answer to this one can match.</summary>
    private async Task SubmitAsync(ILocator form)
    {
        await page.EvaluateAsync("() => document.querySelectorAll('.flash').forEach(e => e.remove())");
        await form.Locator("button[type=submit]").ClickAsync();
    }

    /// <summary>Waits for the confirmation; when it does not come, fails with what the page said instead.</summary>
    private async Task ConfirmedAsync(string confirmation, string what)
    {
        try
        {
            await page.Locator(".flash", new() { HasTextString = confirmation }).WaitForAsync(new() { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            var said = await page.Locator("h1, .error, .field-error, .flash").AllInnerTextsAsync();
            throw new Xunit.Sdk.XunitException($"'{what}' was not confirmed on {page.Url}; the page says: {string.Join(" | ", said)}");
        }
    }

    /// <summary>Clicks and answers the page the browser lands on: after any redirect, its status (a 400 shows as 400).</summary>
    public static async Task<IResponse> ClickToPageAsync(IPage page, ILocator target) =>
        await page.RunAndWaitForResponseAsync(() => target.ClickAsync(),
            response => response.Request.IsNavigationRequest && response.Status is < 300 or >= 400);

    public static async Task VoteAsync(ILocator form)
    {
        await form.GetByLabel("Tổng số thành viên").FillAsync("20");
        await form.GetByLabel("Số có mặt").FillAsync("19");
        await form.GetByLabel("Số đồng ý").FillAsync("19");
    }

    public Guid DossierId => Guid.Parse(DossierPath().Match(page.Url).Groups[1].Value);

    [GeneratedRegex("/Dossiers/([0-9a-f-]{36})")]
    private static partial Regex DossierPath();
}
