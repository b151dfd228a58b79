using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NtmWorkflow.Browser.Tests.Support;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Browser.Tests;

/// <summary>
/// The dossier page and the dossier list: on a phone, with the list's filters chosen, not typed, and with the criteria
/// reviewed in the page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DossierPageTests(BrowserSuite suite)
{
    [BrowserFact]
    public async Task OnA390PixelPhone_TheDossierPageFitsTheWidth_AndItsTimelineSaysWhatWasDone()
    {
        var (_, dossier) = await suite.InDistrictReviewAsync();
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
        var (commune, _) = await suite.InDistrictReviewAsync();
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

    [BrowserFact]
    public async Task TheDistrictReviewer_DisagreesWithOneCriterionInThePage_AndTheCommuneSeesItHighlightedAfterTheReturn()
    {
        var (commune, dossier) = await suite.InDistrictReviewAsync();
        var path = $"/Dossiers/{Procedure.Id(dossier)}";
        var district = await Official.SignInAsync(suite, Procedure.District);
        await district.OpenAsync(path);

        await VerdictAsync(district.Page, 2, agree: true, note: null);
        await VerdictAsync(district.Page, 5, agree: false, note: null);
        await Assertions.Expect(district.Page.Locator("#criterion-5 .field-error")).ToContainTextAsync("cần ghi rõ lý do");
        await VerdictAsync(district.Page, 5, agree: false, note: "Chưa đủ minh chứng về trường học");

        await Assertions.Expect(district.Page.Locator(".flash")).ToContainTextAsync("Đã ghi ý kiến về tiêu chí 5.");
        Assert.EndsWith("#criterion-5", district.Page.Url);
        await Assertions.Expect(district.Page.Locator("#criterion-5")).ToHaveClassAsync(new Regex("disputed"));
        await Assertions.Expect(district.Page.Locator("#criterion-2")).Not.ToHaveClassAsync(new Regex("disputed"));
        await Assertions.Expect(district.Page.Locator("#criterion-2")).ToContainTextAsync("Thẩm tra cấp huyện: Thống nhất");
        var criteria = await (await suite.App.As(Procedure.District)).GetFromJsonAsync<JsonElement>($"/api/dossiers/{Procedure.Id(dossier)}/criteria");
        Assert.Equal([5], criteria.GetProperty("disputed").EnumerateArray().Select(c => c.GetProperty("number").GetInt32()));

        await district.ActAsync("request-supplement", form => form.GetByLabel("Ý kiến, lý do (bắt buộc)").FillAsync("Bổ sung minh chứng tiêu chí 5"));
        var officer = await Official.SignInAsync(suite, commune.Officer);
        await officer.OpenAsync(path);

        var row = officer.Page.Locator("#criterion-5");
        await Assertions.Expect(row).ToHaveClassAsync(new Regex("disputed"));
        await Assertions.Expect(row).ToContainTextAsync("Có ý kiến không thống nhất");
        await Assertions.Expect(row).ToContainTextAsync("Thẩm tra cấp huyện: Không thống nhất Chưa đủ minh chứng về trường học");
        await Assertions.Expect(officer.Page.Locator("form.review")).ToHaveCountAsync(0);
    }

    /// <summary>Chooses agree or disagree on the criterion's row, writes the note, and records it.</summary>
    private static async Task VerdictAsync(IPage page, int number, bool agree, string? note)
    {
        var form = page.Locator($"#criterion-{number} form.review");
        await form.GetByLabel(agree ? "Thống nhất" : "Không thống nhất", new() { Exact = true }).CheckAsync();
        await form.GetByLabel($"Ghi chú cho tiêu chí {number}").FillAsync(note ?? "");
        await Official.ClickToPageAsync(page, form.GetByRole(AriaRole.Button, new() { Name = "Ghi ý kiến" }));
    }
}
