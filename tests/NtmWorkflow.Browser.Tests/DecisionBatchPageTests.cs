using System.Text;
using Microsoft.Playwright;
using NtmWorkflow.Browser.Tests.Support;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Browser.Tests;

/// <summary>The province leader signs one decision for two dossiers from the batch page; the public registry shows the batch.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DecisionBatchPageTests(BrowserSuite suite)
{
    [BrowserFact]
    public async Task TheLeader_PicksTwoDossiers_SignsOnce_AndTheRegistryShowsTheBatchWithBoth()
    {
        suite.App.Clock.Now = NtmApp.Start;
        var first = await suite.App.NewCommune();
        var second = await suite.App.NewCommune();
        await suite.Procedure.At(first, "decision");
        var secondDossier = await suite.Procedure.At(second, "decision");
        var leader = await Official.SignInAsync(suite, Procedure.Leader);
        var page = leader.Page;
        var number = Procedure.NextDecisionNumber();

        await page.GetByRole(AriaRole.Link, new() { Name = "Quyết định chung", Exact = true }).ClickAsync();
        await FillAsync(page, first, second, number);
        // Someone files a paper in the second dossier meanwhile: the page's version of it is stale.
        await Procedure.Must(await suite.Procedure.Upload(Procedure.Leader, secondDossier, "quyet-dinh", "du-thao.pdf", Encoding.UTF8.GetBytes("%PDF-1.7\n% du thao\n")));
        await page.GetByRole(AriaRole.Button, new() { Name = "Ký quyết định chung" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error")).ToContainTextAsync(second.Name);
        await Assertions.Expect(page.Locator(".error")).ToContainTextAsync("phiên bản");

        await FillAsync(page, first, second, number);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ký quyết định chung" }).ClickAsync();

        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync($"Đã ký quyết định chung số {number} cho 2 hồ sơ");
        await Assertions.Expect(page.Locator("#batch-dossiers")).ToContainTextAsync(first.Name);
        await Assertions.Expect(page.Locator("#batch-dossiers")).ToContainTextAsync(second.Name);
        await leader.OpenAsync($"/Public/Decisions?q={Uri.EscapeDataString(number)}");
        await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Quyết định chung" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(number);
        await Assertions.Expect(page.Locator("#batch-units")).ToContainTextAsync(first.Name);
        await Assertions.Expect(page.Locator("#batch-units")).ToContainTextAsync(second.Name);
    }

    private async Task FillAsync(IPage page, TestUnit first, TestUnit second, string number)
    {
        await page.GetByLabel(first.Name, new() { Exact = true }).CheckAsync();
        await page.GetByLabel(second.Name, new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Số quyết định").FillAsync(number);
        await page.GetByLabel("Ngày ký").FillAsync(suite.App.Clock.TodayText);
        await page.GetByLabel("Người ký").FillAsync("Chủ tịch UBND tỉnh Đồng Tháp");
        await page.GetByLabel("Quyết định đã ký (tệp)").SetInputFilesAsync(new FilePayload
        {
            Name = "quyet-dinh-chung.pdf", MimeType = "application/pdf", Buffer = Encoding.UTF8.GetBytes("%PDF-1.7\n% quyet dinh chung\n"),
        });
    }
}
