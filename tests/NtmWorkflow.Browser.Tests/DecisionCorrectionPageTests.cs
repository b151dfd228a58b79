using Microsoft.Playwright;
using NtmWorkflow.Browser.Tests.Support;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Browser.Tests;

/// <summary>The province leader corrects a signed decision from the dossier page; the public registry shows it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DecisionCorrectionPageTests(BrowserSuite suite)
{
    [BrowserFact]
    public async Task TheLeader_CorrectsTheDecisionNumberWithAReason_AndTheRegistryShowsTheNewNumber()
    {
        var commune = await suite.App.NewCommune();
        var dossier = await suite.Procedure.At(commune, "recognised");
        var leader = await Official.SignInAsync(suite, Procedure.Leader);
        await leader.OpenAsync($"/Dossiers/{Procedure.Id(dossier)}");
        var form = leader.Page.Locator("#correct-decision");

        await form.GetByLabel("Số quyết định").FillAsync("701/QĐ-UBND");
        await form.GetByRole(AriaRole.Button, new() { Name = "Đính chính" }).ClickAsync();
        await Assertions.Expect(form.Locator(".field-error")).ToContainTextAsync("lý do");
        await form.GetByLabel("Lý do đính chính (bắt buộc)").FillAsync("Ghi nhầm số quyết định");
        await form.GetByRole(AriaRole.Button, new() { Name = "Đính chính" }).ClickAsync();

        await Assertions.Expect(leader.Page.Locator(".flash")).ToContainTextAsync("Đã đính chính quyết định");
        await Assertions.Expect(leader.Page.Locator("dl")).ToContainTextAsync("701/QĐ-UBND");
        await leader.OpenAsync($"/Public/Decisions?q={Uri.EscapeDataString(commune.Name)}");
        await Assertions.Expect(leader.Page.Locator("main")).ToContainTextAsync("701/QĐ-UBND");
    }
}
