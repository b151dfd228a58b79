using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NtmWorkflow.Browser.Tests.Support;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Browser.Tests;

/// <summary>The dossier page and the dossier list, on a phone and with the list's filters chosen, not typed.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DossierPageTests(BrowserSuite suite)
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7));

    [BrowserFact]
    public async Task OnA390PixelPhone_TheDossierPageFitsTheWidth_AndItsTimelineSaysWhatWasDone()
    {
        var commune = await suite.App.NewCommune();
        var dossier = await new Procedure(suite.App).EnterDistrictReview(commune, Monday);
        var district = await Official.SignInAsync(suite, Procedure.District);
        await district.Page.SetViewportSizeAsync(390, 844);

        await district.OpenAsync($"/Dossiers/{Procedure.Id(dossier)}");

        var width = await district.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the dossier page is {width} px wide at 390 px");
        var timeline = district.Page.Locator("table").Last;
        await Assertions.Expect(timeline).ToContainTextAsync("Tải tài liệu lên");
        await Assertions.Expect(timeline).ToContainTextAsync("Lập hồ sơ");
        await Assertions.Expect(timeline).ToContainTextAsync("Trình huyện thẩm tra");
        Assert.All(await timeline.Locator("td:nth-child(3)").AllInnerTextsAsync(), action => Assert.DoesNotMatch("^[a-z-]+$", action));
    }

    [BrowserFact]
    public async Task TheListsStageAndUnit_AreChosenFromTheProceduresStagesAndTheUnitsInScope()
    {
        var commune = await suite.App.NewCommune();
        await new Procedure(suite.App).EnterDistrictReview(commune, Monday);
        var district = await Official.SignInAsync(suite, Procedure.District);
        var page = district.Page;
        await district.OpenAsync("/Dossiers");

        await page.GetByLabel("Giai đoạn").SelectOptionAsync(new SelectOptionValue { Label = "Thẩm tra cấp huyện" });
        await page.GetByLabel("Đơn vị", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = commune.Name });
        await page.GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"stage=district-review.*unitCode={Regex.Escape(commune.Code)}"));
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("tbody")).ToContainTextAsync(commune.Name);
        Assert.DoesNotContain(await page.GetByLabel("Đơn vị", new() { Exact = true }).Locator("option").AllInnerTextsAsync(), name => name.Contains("Trà Vinh"));
    }
}
