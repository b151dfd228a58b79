using Microsoft.Playwright;
using NtmWorkflow.Browser.Tests.Support;

namespace NtmWorkflow.Browser.Tests;

/// <summary>The language switch at the top of every page, clicked as a reader would, signed in or not.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LanguageSwitchTests(BrowserSuite suite)
{
    [BrowserFact]
    public async Task OnTheSignInPage_EnglishAndBack_StayOnTheSignInPage()
    {
        var page = await suite.NewPageAsync();
        await page.GotoAsync("/Account/Login");

        await SwitchAsync(page, "English", "Sign in", "en");
        Assert.EndsWith("/Account/Login", page.Url);

        await SwitchAsync(page, "Tiếng Việt", "Đăng nhập", "vi");
        Assert.EndsWith("/Account/Login", page.Url);
    }

    [BrowserFact]
    public async Task SignedIn_EnglishAndBack_StayOnTheSamePage()
    {
        var district = await Official.SignInAsync(suite, "huyen.tracu");
        await district.OpenAsync("/Dossiers?year=2026");

        await SwitchAsync(district.Page, "English", "Dossiers", "en");
        Assert.EndsWith("/Dossiers?year=2026", district.Page.Url);

        await SwitchAsync(district.Page, "Tiếng Việt", "Hồ sơ", "vi");
        Assert.EndsWith("/Dossiers?year=2026", district.Page.Url);
    }

    /// <summary>Clicks the switch and waits for the page to come back in the chosen language, its heading translated.</summary>
    private static async Task SwitchAsync(IPage page, string button, string heading, string lang)
    {
        var answer = await Official.ClickToPageAsync(page, page.GetByRole(AriaRole.Button, new() { Name = button }));
        Assert.Equal(200, answer.Status);
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", lang);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(heading);
    }
}
