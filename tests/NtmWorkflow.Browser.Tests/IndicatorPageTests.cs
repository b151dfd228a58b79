using Microsoft.Playwright;
using NtmWorkflow.Browser.Tests.Support;
using NtmWorkflow.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace NtmWorkflow.Browser.Tests;

/// <summary>
/// The commune's officer enters a 2026 dossier's poverty rate on the self-assessment page, reads the threshold of the
/// commune's group, the marker of a value not yet confirmed, and the verdict on what was entered.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class IndicatorPageTests(BrowserSuite suite)
{
    [BrowserFact]
    public async Task TheOfficer_EntersThePovertyRate_AndSeesItJudgedByTheGroupsThreshold()
    {
        var commune = await suite.App.NewCommune();
        await suite.App.PlaceInGroup(commune);
        var dossier = await suite.Procedure.Create(commune, year: 2026, qualify: false);
        var officer = await Official.SignInAsync(suite, commune.Officer);
        await officer.OpenAsync($"/Dossiers/{Procedure.Id(dossier)}/SelfAssessment");
        var page = officer.Page;
        await Expect(page.Locator("#criteria-provisional")).ToContainTextAsync("Bộ tiêu chí tạm (chưa xác nhận)");
        await Expect(page.Locator("#criteria-group")).ToContainTextAsync("Xã nhóm 2 (nhom-2)");
        var rate = page.Locator("ul.indicators li", new() { HasText = "Tỷ lệ nghèo đa chiều" });
        await Expect(rate).ToContainTextAsync("≤ 4 %");
        await Expect(rate.Locator(".provisional")).ToHaveTextAsync("tạm (chưa xác nhận)");

        await SaveAsync(page, "5");

        await Expect(rate).ToContainTextAsync("✗ chưa đạt ngưỡng");
        await Expect(page.GetByLabel("6.2. Tỷ lệ nghèo đa chiều (%)")).ToHaveValueAsync("5");
        await SaveAsync(page, "3.5");
        await Expect(rate).ToContainTextAsync("✓ đạt");

        await officer.OpenAsync($"/Dossiers/{Procedure.Id(dossier)}");
        var listed = page.Locator("details.indicators", new() { HasText = "Tỷ lệ nghèo đa chiều" });
        await listed.Locator("summary").ClickAsync();
        await Expect(listed.Locator("li", new() { HasText = "Tỷ lệ nghèo đa chiều" })).ToContainTextAsync("3,5 %");
        await Expect(listed).ToContainTextAsync("✓ đạt");
    }

    /// <summary>Ticks criterion 6 as met with its placeholder indicator đạt and the poverty rate given, and saves.</summary>
    private static async Task SaveAsync(IPage page, string povertyRate)
    {
        await page.Locator("#met-6").CheckAsync();
        await page.GetByLabel("6.1. ").SelectOptionAsync("true");
        await page.GetByLabel("6.2. Tỷ lệ nghèo đa chiều (%)").FillAsync(povertyRate);
        await page.EvaluateAsync("() => document.querySelectorAll('.flash').forEach(e => e.remove())");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu tự đánh giá" }).ClickAsync();
        await page.Locator(".flash").WaitForAsync();
    }
}
