using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Playwright;
using NtmWorkflow.Browser.Tests.Support;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Browser.Tests;

/// <summary>The commune officer downloads the drafted tờ trình from the dossier page: a Word file naming the commune.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DraftDownloadPageTests(BrowserSuite suite)
{
    [BrowserFact]
    public async Task TheLinkOnTheDossierPage_DownloadsTheSubmissionAsDocx()
    {
        suite.App.Clock.Now = NtmApp.Start;
        var commune = await suite.App.NewCommune();
        var dossier = await suite.Procedure.Create(commune);
        var officer = await Official.SignInAsync(suite, commune.Officer);
        await officer.OpenAsync($"/Dossiers/{Procedure.Id(dossier)}");

        var download = await officer.Page.RunAndWaitForDownloadAsync(() =>
            officer.Page.GetByRole(AriaRole.Link, new() { Name = "Tải bản thảo tờ trình đề nghị thẩm định" }).ClickAsync());

        Assert.Equal($"Tờ trình - {commune.Name}.docx", download.SuggestedFilename);
        var file = await download.PathAsync();
        using var word = WordprocessingDocument.Open(file, false);
        var paragraphs = word.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Contains("TỜ TRÌNH", paragraphs);
        Assert.Contains($"Về việc đề nghị thẩm định, xét công nhận xã {commune.Name["Xã ".Length..]} đạt chuẩn nông thôn mới năm 2025", paragraphs);
    }
}
