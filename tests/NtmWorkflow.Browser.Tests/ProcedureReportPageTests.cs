using Microsoft.Playwright;
using NtmWorkflow.Browser.Tests.Support;

namespace NtmWorkflow.Browser.Tests;

/// <summary>
/// The procedure report and the province official's home page draw their charts beside their tables under the
/// Content-Security-Policy, and a figure's link lands on the dossier list filtered to the dossiers behind it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ProcedureReportPageTests(BrowserSuite suite)
{
    [BrowserFact]
    public async Task TheReportAndTheHomePage_ChartTheirTables_AndAFiguresLinkListsItsDossiers()
    {
        var (commune, _) = await suite.InDistrictReviewAsync();
        var appraiser = await Official.SignInAsync(suite, "tinh.dongthap.thamdinh");
        var page = appraiser.Page;
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);

        await appraiser.OpenAsync("/");
        await Assertions.Expect(page.Locator("figure.chart + #home-overdue")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("figure.chart canvas[role='img']").First).ToBeVisibleAsync();

        await appraiser.OpenAsync("/Reports/Procedure?scope=dong-thap&year=2026");
        var chart = page.Locator("figure.chart:has(+ #stages) canvas");
        await Assertions.Expect(chart).ToHaveAttributeAsync("aria-label", "Hồ sơ đang xử lý và quá hạn theo giai đoạn");
        Assert.True(await chart.EvaluateAsync<bool>("canvas => canvas.width > 0 && window.Chart.getChart(canvas) !== undefined"));
        await Assertions.Expect(page.Locator("#stages")).ToBeVisibleAsync();

        var link = page.Locator("#stages tr:has(td:text-is('Thẩm tra cấp huyện')) td:nth-child(2) a");
        await Official.ClickToPageAsync(page, link);
        Assert.Equal("/Dossiers", new Uri(page.Url).AbsolutePath);
        Assert.Contains("stage=district-review", page.Url);
        Assert.Contains("unitCode=dong-thap", page.Url);
        await Assertions.Expect(page.Locator("#stage")).ToHaveValueAsync("district-review");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(commune.Name);
        Assert.Empty(errors);
    }
}
