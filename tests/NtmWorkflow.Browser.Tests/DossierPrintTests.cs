using Microsoft.Playwright;
using NtmWorkflow.Browser.Tests.Support;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Browser.Tests;

/// <summary>The dossier page on paper: the criteria and facts on A4, without the navigation, the forms or the buttons.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DossierPrintTests(BrowserSuite suite)
{
    [BrowserFact]
    public async Task PrintedOnA4_TheDossierPageKeepsItsCriteria_AndDropsNavigationAndForms()
    {
        var (_, dossier) = await suite.InDistrictReviewAsync();
        var district = await Official.SignInAsync(suite, Procedure.District);
        var page = district.Page;
        await district.OpenAsync($"/Dossiers/{Procedure.Id(dossier)}");
        await Assertions.Expect(page.Locator("header.top nav")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("section.action").First).ToBeVisibleAsync();

        await page.EmulateMediaAsync(new() { Media = Media.Print });

        await Assertions.Expect(page.Locator("header.top")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("footer")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("section.action").First).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#criteria")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#criteria form").First).ToBeHiddenAsync();
        Assert.Equal("table-header-group", await page.Locator("#criteria thead").EvaluateAsync<string>("e => getComputedStyle(e).display"));
        Assert.Equal("avoid", await page.Locator("#criteria tbody tr").First.EvaluateAsync<string>("e => getComputedStyle(e).breakInside"));

        var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = true });
        Assert.True(pdf.Length > 10_000, $"the PDF has {pdf.Length} bytes");
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
    }
}
