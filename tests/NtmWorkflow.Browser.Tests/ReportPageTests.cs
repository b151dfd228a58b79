using Microsoft.Playwright;
using NtmWorkflow.Browser.Tests.Support;

namespace NtmWorkflow.Browser.Tests;

/// <summary>
/// Vĩnh Long's 2024 report on the demo data: the four Trà Cú communes in force at the end of 2024 (all NTM, Đại An and
/// Ngọc Biên nâng cao, every NTM criterion recorded met), each figure a link to the communes it counts.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReportPageTests(BrowserSuite suite)
{
    [BrowserFact]
    public async Task TheProvinceOfficial_ReadsTheReport_AndFollowsAFigureToTheCommunesItCounts()
    {
        var official = await Official.SignInAsync(suite, "tinh.vinhlong.thamdinh");
        await official.Page.GetByRole(AriaRole.Link, new() { Name = "Báo cáo", Exact = true }).ClickAsync();
        await official.Page.Locator("#year").FillAsync("2024");
        await official.Page.GetByRole(AriaRole.Button, new() { Name = "Xem báo cáo" }).ClickAsync();

        var page = official.Page;
        await Assertions.Expect(page.Locator("#sentence"))
            .ToHaveTextAsync("04/04 xã đạt chuẩn nông thôn mới (100 %), 02 xã đạt chuẩn nông thôn mới nâng cao (50 %).");
        var levels = page.Locator("table#levels[data-chart='bar']");
        await Assertions.Expect(levels.Locator("th[data-series]")).ToHaveTextAsync("Số xã");
        await Assertions.Expect(levels.Locator("tbody tr").Nth(1).Locator("td[data-value='2']")).ToHaveTextAsync("2");
        var bands = page.Locator("table#bands[data-chart='doughnut']");
        await Assertions.Expect(bands.Locator("tbody tr").First.Locator("td[data-value='4']")).ToHaveTextAsync("4");
        await Assertions.Expect(page.Locator("#average")).ToHaveTextAsync("19");
        await Assertions.Expect(page.Locator("table#plans tbody tr").First).ToContainTextAsync("Nông thôn mới nâng cao");
        await Screenshots.TakeAsync(page, "reports.png");

        await levels.Locator("tbody tr").Nth(1).GetByRole(AriaRole.Link, new() { Name = "2", Exact = true }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Reports/Communes\\?scope=vinh-long&year=2024&level=ntm-nang-cao$"));
        await Assertions.Expect(page.Locator("#total")).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator("table#communes tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("table#communes")).ToContainTextAsync("Xã Đại An");
        await Assertions.Expect(page.Locator("table#communes")).ToContainTextAsync("Xã Ngọc Biên");
    }
}
