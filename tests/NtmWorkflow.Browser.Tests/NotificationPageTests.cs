using Microsoft.Playwright;
using NtmWorkflow.Browser.Tests.Support;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Browser.Tests;

/// <summary>The notifications page, clicked through by the official the notices are for.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NotificationPageTests(BrowserSuite suite)
{
    [BrowserFact]
    public async Task MarkingOneNoticeRead_ReturnsToTheList_WithOneUnreadFewer_HereAndOnTheHomePage()
    {
        var (commune, dossier) = await suite.InDistrictReviewAsync();
        await suite.Procedure.MustAct(Procedure.District, dossier, "request-supplement", new { comment = "Bổ sung biên bản họp" });
        var officer = await Official.SignInAsync(suite, commune.Officer);
        var page = officer.Page;
        var unread = await UnreadAsync(page, "/Notifications", "main > p");
        Assert.True(unread >= 1, $"{commune.Officer} has no unread notice to mark");

        var answer = await Official.ClickToPageAsync(page, page.Locator("tr.unread").First.GetByRole(AriaRole.Button, new() { Name = "Đã đọc" }));

        Assert.Equal(200, answer.Status);
        Assert.EndsWith("/Notifications?pageNumber=1", page.Url);
        await Assertions.Expect(page.Locator("main > p").First).ToHaveTextAsync($"{unread - 1} chưa đọc");
        await Assertions.Expect(page.Locator("tr.unread")).ToHaveCountAsync(unread - 1);
        Assert.Equal(unread - 1, await UnreadAsync(page, "/", "h2 .badge"));
    }

    /// <summary>The unread count a page shows ("3 chưa đọc").</summary>
    private static async Task<int> UnreadAsync(IPage page, string path, string selector)
    {
        await page.GotoAsync(path);
        var text = await page.Locator(selector).First.InnerTextAsync();
        return int.Parse(text.Split(' ')[0]);
    }
}
