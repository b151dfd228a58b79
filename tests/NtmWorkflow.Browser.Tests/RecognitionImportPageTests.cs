using Microsoft.Playwright;
using NtmWorkflow.Browser.Tests.Support;
using NtmWorkflow.Web.Tests.Support;
using static NtmWorkflow.Web.Tests.Support.ImportFiles;

namespace NtmWorkflow.Browser.Tests;

/// <summary>The province appraiser imports earlier recognitions: a file with bad rows is reported row by row, the fixed one is confirmed.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RecognitionImportPageTests(BrowserSuite suite)
{
    [BrowserFact]
    public async Task TheAppraiser_SeesBadRowsReported_FixesTheFile_Confirms_AndTheRegistryListsTheRecognitions()
    {
        var (first, second) = (await suite.App.NewCommune(), await suite.App.NewCommune());
        var appraiser = await Official.SignInAsync(suite, Procedure.Appraiser);
        var page = appraiser.Page;
        await appraiser.OpenAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nhập công nhận" }).ClickAsync();
        await Assertions.Expect(page.Locator("#template-xlsx")).ToBeVisibleAsync();

        await UploadAsync(page, "lich-su.csv", Csv([Row(first.Code, number: "1515/QĐ-UBND"), Row("khong-co-xa-nay", number: "1515/QĐ-UBND"),
            Row(second.Code, number: "1515/QĐ-UBND", date: "01/01/2027")]));

        await Assertions.Expect(page.Locator("#report-problems")).ToHaveTextAsync("2");
        var problems = page.Locator("#problems tbody tr");
        await Assertions.Expect(problems).ToHaveCountAsync(2);
        await Assertions.Expect(problems.Nth(0)).ToContainTextAsync("3");
        await Assertions.Expect(problems.Nth(0)).ToContainTextAsync("Mã đơn vị");
        await Assertions.Expect(problems.Nth(0)).ToContainTextAsync("khong-co-xa-nay");
        await Assertions.Expect(problems.Nth(1)).ToContainTextAsync("Ngày ký");
        await Assertions.Expect(problems.Nth(1)).ToContainTextAsync("ở tương lai");
        await Assertions.Expect(page.Locator("#confirm")).ToHaveCountAsync(0);

        await UploadAsync(page, "lich-su-da-sua.csv", Csv([Row(first.Code, number: "1515/QĐ-UBND"), Row(second.Code, number: "1515/QĐ-UBND")]));
        await Assertions.Expect(page.Locator("#report-problems")).ToHaveTextAsync("0");
        await page.Locator("#confirm").ClickAsync();

        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("thêm 2 công nhận");
        await Assertions.Expect(page.Locator("#report-status")).ToHaveTextAsync("Đã nhập");
        await Assertions.Expect(page.Locator("#imports")).ToContainTextAsync("lich-su-da-sua.csv");
        await appraiser.OpenAsync("/Public/Decisions?q=1515");
        var rows = page.Locator("table tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.Filter(new() { HasText = first.Name })).ToContainTextAsync("nhập từ hồ sơ giấy");
        await Assertions.Expect(rows.Filter(new() { HasText = second.Name })).ToContainTextAsync("1515/QĐ-UBND");
    }

    private static async Task UploadAsync(IPage page, string name, byte[] content)
    {
        await page.Locator("input[type=file]#file").SetInputFilesAsync(new FilePayload { Name = name, MimeType = "text/csv", Buffer = content });
        await page.GetByRole(AriaRole.Button, new() { Name = "Kiểm tra tệp" }).ClickAsync();
        await Assertions.Expect(page.Locator("#report-title")).ToContainTextAsync(name);
    }
}
