using Microsoft.Playwright;
using NtmWorkflow.Browser.Tests.Support;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Browser.Tests;

/// <summary>The province appraiser runs a council session from its page, from opening it to the dossiers' outcomes.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CouncilPageTests(BrowserSuite suite)
{
    [BrowserFact]
    public async Task TheAppraiser_OpensASession_RecordsItsVote_UploadsTheMinutes_AndConcludes()
    {
        var commune = await suite.App.NewCommune();
        var dossier = await suite.Procedure.At(commune, "appraisal-council");
        var appraiser = await Official.SignInAsync(suite, Procedure.Appraiser);
        var page = appraiser.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "Hội đồng thẩm định", Exact = true }).ClickAsync();

        await page.GetByLabel("Tên phiên họp").FillAsync("Phiên họp trình duyệt");
        await page.GetByLabel("Ngày họp").FillAsync(suite.App.Clock.TodayText);
        await page.GetByLabel("Thành viên hội đồng").FillAsync("Nguyễn Văn An; Chủ tịch Hội đồng\nTrần Thị Bình; Ủy viên\nLê Văn Cường; Ủy viên");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mở phiên họp" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("Đã mở phiên họp 'Phiên họp trình duyệt'");

        await page.Locator($"#add-dossiers input[value^='{Procedure.Id(dossier)}']").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm vào phiên họp" }).ClickAsync();
        await Assertions.Expect(page.Locator("#session-dossiers")).ToContainTextAsync(commune.Name);
        await page.GetByLabel("Nguyễn Văn An").CheckAsync();
        await page.GetByLabel("Trần Thị Bình").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi danh sách có mặt" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("Đã ghi danh sách thành viên có mặt");
        await page.GetByLabel("Đồng ý", new() { Exact = true }).FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi biểu quyết" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error")).ToContainTextAsync("không được vượt số thành viên có mặt (2)");
        await page.GetByLabel("Đồng ý", new() { Exact = true }).FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi biểu quyết" }).ClickAsync();
        await Assertions.Expect(page.Locator($"#dossier-{Procedure.Id(dossier)}")).ToContainTextAsync("Dự kiến: Đạt tỷ lệ biểu quyết");
        await page.GetByLabel("Tệp biên bản").SetInputFilesAsync(new FilePayload
        {
            Name = "bien-ban-hoi-dong.pdf", MimeType = "application/pdf", Buffer = Procedure.Pdf(2048),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Tải lên" }).ClickAsync();
        await Assertions.Expect(page.Locator("#minutes")).ToContainTextAsync("bien-ban-hoi-dong.pdf");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kết thúc phiên họp" }).ClickAsync();

        await Assertions.Expect(page.Locator("#session-status")).ToContainTextAsync("Đã kết thúc");
        await Assertions.Expect(page.Locator($"#dossier-{Procedure.Id(dossier)}")).ToContainTextAsync("Đạt tỷ lệ biểu quyết – Hội đồng đề nghị công nhận");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Kết thúc phiên họp" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = commune.Name }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(commune.Name);
    }
}
