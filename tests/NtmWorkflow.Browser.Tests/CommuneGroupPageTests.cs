using Microsoft.Playwright;
using NtmWorkflow.Browser.Tests.Support;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Browser.Tests;

/// <summary>The province appraiser records a commune's group on its page; the commune's officer reads it from the dossier.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CommuneGroupPageTests(BrowserSuite suite)
{
    [BrowserFact]
    public async Task TheAppraiser_RecordsAGroup_AfterARefusedDate_AndTheOfficerReadsItFromTheDossier()
    {
        var commune = await suite.App.NewCommune();
        var dossier = await suite.Procedure.Create(commune, qualify: false);
        var appraiser = await Official.SignInAsync(suite, Procedure.Appraiser);
        await appraiser.OpenAsync($"/Units/{commune.Code}/Groups");
        var page = appraiser.Page;
        await Assertions.Expect(page.Locator("#current-group")).ToContainTextAsync("Chưa được xếp nhóm");

        await page.GetByLabel("Nhóm", new() { Exact = true }).SelectOptionAsync("nhom-2");
        await page.GetByLabel("Số văn bản").FillAsync("120/QĐ-UBND");
        await page.GetByLabel("Ngày ký văn bản").FillAsync("2026-01-15");
        await page.GetByLabel("Áp dụng từ ngày").FillAsync("2026-01-10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi nhóm xã" }).ClickAsync();
        await Assertions.Expect(page.Locator(".field-error")).ToContainTextAsync("không được trước ngày ký văn bản");
        await Assertions.Expect(page.GetByLabel("Số văn bản")).ToHaveValueAsync("120/QĐ-UBND");
        await page.GetByLabel("Áp dụng từ ngày").FillAsync("2026-02-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi nhóm xã" }).ClickAsync();

        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("Đã ghi Xã nhóm 2 từ ngày 01/02/2026");
        await Assertions.Expect(page.Locator("#current-group")).ToContainTextAsync("Xã nhóm 2");
        await Assertions.Expect(page.Locator("#group-history")).ToContainTextAsync("120/QĐ-UBND ngày 15/01/2026");
        var officer = await Official.SignInAsync(suite, commune.Officer);
        await officer.OpenAsync($"/Dossiers/{Procedure.Id(dossier)}");
        await officer.Page.GetByRole(AriaRole.Link, new() { Name = "Lịch sử nhóm xã" }).ClickAsync();
        await Assertions.Expect(officer.Page.Locator("#group-history")).ToContainTextAsync("Xã nhóm 2");
        await Assertions.Expect(officer.Page.GetByRole(AriaRole.Button, new() { Name = "Ghi nhóm xã" })).ToHaveCountAsync(0);
    }
}
