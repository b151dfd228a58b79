using Microsoft.Playwright;
using NtmWorkflow.Browser.Tests.Support;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Browser.Tests;

/// <summary>The programme's yearly pages: a commune's criteria status and the annual plans, each loaded and submitted once.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ProgrammePageTests(BrowserSuite suite)
{
    [BrowserFact]
    public async Task TheCommuneRecordsItsYearsCriteria_AndTheProvinceConfirmsThemAll()
    {
        var commune = await suite.App.NewCommune();
        var officer = await Official.SignInAsync(suite, commune.Officer);
        var page = officer.Page;
        await officer.OpenAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tiêu chí hằng năm" }).ClickAsync();
        await page.GetByLabel("Năm", new() { Exact = true }).FillAsync("2025");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status-met")).ToHaveTextAsync("0/19");

        await page.Locator("#met-1").CheckAsync();
        await page.Locator("#why-1").FillAsync("Quy hoạch đã duyệt");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu tình trạng tiêu chí" }).ClickAsync();

        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("Đã lưu tình trạng tiêu chí.");
        await Assertions.Expect(page.Locator("#status-met")).ToHaveTextAsync("1/19");
        await Assertions.Expect(page.Locator("#status-history")).ToContainTextAsync("Quy hoạch đã duyệt");
        var province = await Official.SignInAsync(suite, Procedure.Appraiser);
        await province.OpenAsync($"/Programme/CriteriaStatus?unit={commune.Code}&year=2025");
        await Assertions.Expect(province.Page.Locator("#status-unconfirmed")).ToHaveTextAsync("19");
        await province.Page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận tất cả" }).ClickAsync();
        await Assertions.Expect(province.Page.Locator(".flash")).ToContainTextAsync("Đã xác nhận mọi tiêu chí.");
        await Assertions.Expect(province.Page.Locator("#status-unconfirmed")).ToHaveTextAsync("0");
    }

    [BrowserFact]
    public async Task TheProvinceRegistersAPlan_ThatIsCountedAsPlanned()
    {
        var commune = await suite.App.NewCommune();
        var province = await Official.SignInAsync(suite, Procedure.Appraiser);
        var page = province.Page;
        await province.OpenAsync("/Programme/Plans?year=2029");
        await Assertions.Expect(page.Locator("#plans-planned")).ToHaveTextAsync("0");

        await page.Locator("#plan-unit").SelectOptionAsync(commune.Code);
        await page.Locator("#plan-year").FillAsync("2029");
        await page.GetByLabel("Mức phấn đấu").SelectOptionAsync("ntm");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng ký", Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync(commune.Name);
        await Assertions.Expect(page.Locator("#plans-planned")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("#plans-not-yet")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("#plans")).ToContainTextAsync("Đã xác nhận");
    }
}
