using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NtmWorkflow.Engine;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Tests.Support;
using NtmWorkflow.Browser.Tests.Support;

namespace NtmWorkflow.Browser.Tests;

/// <summary>The commune procedure through the pages in Chromium, each step by its rightful demo user.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CommuneProcedureTests(BrowserSuite suite)
{
    private const string District = "huyen.hongngu";
    private const string Appraiser = "tinh.dongthap.thamdinh";
    private const string Leader = "tinh.dongthap.lanhdao";

    private static DateTimeOffset Vietnam(int month, int day) => new(2026, month, day, 9, 0, 0, TimeSpan.FromHours(7));

    [BrowserFact]
    public async Task TheWholeHappyPath_FromSelfAssessmentToTheCeremony_EndsRecognisedAndPublished()
    {
        suite.App.Clock.Now = Vietnam(3, 2);
        var unit = await NangCaoCommuneAsync();
        var commune = await Official.SignInAsync(suite, unit.Officer);
        var dossier = await StartQualifiedAsync(commune, unit.Name);
        await commune.UploadAsync("bao-cao-ket-qua");
        await commune.ActAsync("open-public-comment");
        await Expect(commune.Page.GetByText("Niêm yết công khai")).ToBeVisibleAsync();

        suite.App.Clock.Now = Vietnam(3, 18);
        commune = await Official.SignInAsync(suite, unit.Officer);
        await commune.OpenAsync(dossier);
        foreach (var paper in new[] { "to-trinh-xa", "bao-cao-tong-hop-y-kien", "bien-ban-hop-xa" })
        {
            await commune.UploadAsync(paper);
        }
        await commune.ActAsync("submit-to-district", Official.VoteAsync);
        await Expect(commune.Page.Locator(".flash")).ToContainTextAsync("chờ cán bộ thẩm tra cấp huyện xử lý");

        var district = await Official.SignInAsync(suite, District);
        await Expect(district.Page.Locator("main")).ToContainTextAsync(unit.Name);
        await Screenshots.TakeAsync(district.Page, "dashboard.png");
        await district.Page.GetByRole(AriaRole.Link, new() { Name = unit.Name, Exact = true }).First.ClickAsync();
        await district.UploadAsync("bao-cao-tham-tra");
        await district.ActAsync("approve");

        suite.App.Clock.Now = Vietnam(4, 6);
        district = await Official.SignInAsync(suite, District);
        await district.OpenAsync(dossier);
        await district.UploadAsync("to-trinh-huyen");
        await district.UploadAsync("bien-ban-hop-huyen");
        await district.ActAsync("submit-to-province", Official.VoteAsync);

        var appraiser = await Official.SignInAsync(suite, Appraiser);
        await appraiser.OpenAsync(dossier);
        await Screenshots.TakeAsync(appraiser.Page, "dossier.png");
        await appraiser.UploadAsync("bao-cao-tham-dinh");
        await appraiser.ActAsync("send-to-council");
        await appraiser.UploadAsync("bien-ban-hoi-dong");
        await appraiser.ActAsync("recommend", Official.VoteAsync);

        var leader = await Official.SignInAsync(suite, Leader);
        await leader.OpenAsync(dossier);
        await leader.UploadAsync("quyet-dinh");
        await leader.ActAsync("sign-decision", async form =>
        {
            await form.GetByLabel("Số quyết định").FillAsync("1234/QĐ-UBND");
            await form.GetByLabel("Ngày ký").FillAsync(suite.App.Clock.TodayText);
            await form.GetByLabel("Người ký").FillAsync("Chủ tịch UBND tỉnh");
        });

        district = await Official.SignInAsync(suite, District);
        await district.OpenAsync(dossier);
        await district.UploadAsync("bien-ban-le-cong-bo");
        await district.ActAsync("hold-ceremony", async form =>
        {
            await form.GetByLabel("Ngày tổ chức lễ").FillAsync(suite.App.Clock.TodayText);
            await form.GetByLabel("Địa điểm").FillAsync("Hội trường UBND xã Tân Hội");
        });
        await Expect(district.Page.Locator(".flash")).ToContainTextAsync("Đã công nhận");

        var citizen = await suite.NewPageAsync();
        await citizen.GotoAsync("/Public/Decisions?q=1234");
        await Expect(citizen.Locator("tbody")).ToContainTextAsync("1234/QĐ-UBND");
        await Expect(citizen.Locator("tbody")).ToContainTextAsync(unit.Name);
    }

    [BrowserFact]
    public async Task AReturnForSupplement_GoesBackToTheCommune_WhichResubmits()
    {
        suite.App.Clock.Now = Vietnam(3, 2);
        var unit = await NangCaoCommuneAsync();
        var commune = await Official.SignInAsync(suite, unit.Officer);
        var dossier = await StartQualifiedAsync(commune, unit.Name);
        await commune.UploadAsync("bao-cao-ket-qua");
        await commune.ActAsync("open-public-comment");
        suite.App.Clock.Now = Vietnam(3, 18);
        commune = await Official.SignInAsync(suite, unit.Officer);
        await commune.OpenAsync(dossier);
        foreach (var paper in new[] { "to-trinh-xa", "bao-cao-tong-hop-y-kien", "bien-ban-hop-xa" })
        {
            await commune.UploadAsync(paper);
        }
        await commune.ActAsync("submit-to-district", Official.VoteAsync);

        var district = await Official.SignInAsync(suite, District);
        await district.OpenAsync(dossier);
        await district.ActAsync("request-supplement", form => form.GetByLabel("Ý kiến, lý do (bắt buộc)").FillAsync("Bổ sung biên bản họp có đủ chữ ký"));
        await Expect(district.Page.Locator(".flash")).ToContainTextAsync("chờ cán bộ xã xử lý");

        commune = await Official.SignInAsync(suite, unit.Officer);
        await Expect(commune.Page.Locator("main")).ToContainTextAsync("Xã bổ sung hồ sơ");
        await commune.OpenAsync(dossier);
        await Expect(commune.Page.Locator("table").Last).ToContainTextAsync("Bổ sung biên bản họp có đủ chữ ký");
        await commune.UploadAsync("bien-ban-hop-xa");
        await commune.ActAsync("resubmit");

        await Expect(commune.Page.Locator(".facts")).ToContainTextAsync("Thẩm tra cấp huyện");
    }

    [BrowserFact]
    public async Task ACommuneOfficer_OpeningAnotherCommunesDossier_GetsTheNotPermittedPage()
    {
        var tapSon = await DemoDossierOfAsync("tra-vinh.tra-cu.tap-son");
        var owner = await Official.SignInAsync(suite, "xa.tapson");
        Assert.Equal(200, (await owner.Page.GotoAsync($"/Dossiers/{tapSon}"))!.Status);

        var stranger = await Official.SignInAsync(suite, "xa.binhthanh");
        var response = await stranger.Page.GotoAsync($"/Dossiers/{tapSon}");

        Assert.Equal(403, response!.Status);
        await Expect(stranger.Page.Locator("h1")).ToHaveTextAsync("Không được phép");
    }

    [BrowserFact]
    public async Task OnA1024PixelTablet_PagesFitTheWidth_AndTheKeyboardReachesTheContentFirst()
    {
        var district = await Official.SignInAsync(suite, "huyen.tracu");
        var page = district.Page;
        await page.SetViewportSizeAsync(1024, 768);

        foreach (var path in new[] { "/", "/Dossiers", $"/Dossiers/{await DemoDossierOfAsync("tra-vinh.tra-cu.tap-son")}", "/Public/Decisions" })
        {
            await page.GotoAsync(path);
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{path} scrolls sideways at 1024 px");
        }
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Bỏ qua, tới nội dung chính", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
    }

    [BrowserFact]
    public async Task ThePublicRegistry_IsSearchedWithoutSigningIn()
    {
        var citizen = await suite.NewPageAsync();
        await citizen.GotoAsync("/Public/Decisions");
        await citizen.GetByLabel("Tên đơn vị hoặc số quyết định").FillAsync("Bình Thạnh");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Tìm" }).ClickAsync();

        await Expect(citizen.Locator("tbody")).ToContainTextAsync("Xã Bình Thạnh");
        await Expect(citizen.Locator("tbody")).Not.ToContainTextAsync("Xã Tân Hội");
        await citizen.GotoAsync("/Public/Decisions");
        await Screenshots.TakeAsync(citizen, "registry.png");
    }

    /// <summary>Opens a kiểu mẫu dossier for the official's commune and self-assesses every criterion and condition as met.</summary>
    private static async Task<string> StartQualifiedAsync(Official official, string unitName)
    {
        var page = official.Page;
        await official.OpenAsync("/Dossiers/Create");
        await page.GetByLabel("Đơn vị").SelectOptionAsync(new SelectOptionValue { Label = unitName });
        await page.GetByLabel("Mức").SelectOptionAsync("ntm-kieu-mau");
        await page.GetByLabel("Năm").FillAsync("2025");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lập hồ sơ" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/Dossiers/0"));
        var dossier = $"/Dossiers/{official.DossierId}";
        await page.GetByRole(AriaRole.Link, new() { Name = "Tự đánh giá tiêu chí và điều kiện" }).ClickAsync();
        foreach (var box in await page.Locator("input[type=checkbox]").AllAsync())
        {
            await box.CheckAsync();
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu tự đánh giá" }).ClickAsync();
        await page.Locator(".flash").WaitForAsync();
        await page.GetByLabel("Tỷ lệ người dân hài lòng (%)").FillAsync("96");
        await page.GetByLabel("Nợ đọng xây dựng cơ bản (đồng)").FillAsync("0");
        await page.GetByLabel("An ninh, trật tự ổn định").SelectOptionAsync("true");
        await page.GetByLabel("Thu nhập cao hơn mức nâng cao (%)").FillAsync("12");
        await page.GetByLabel("Số thôn thông minh").FillAsync("1");
        await page.GetByLabel("Lĩnh vực nổi trội").FillAsync("Du lịch sinh thái");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu điều kiện" }).ClickAsync();
        await page.Locator(".flash").WaitForAsync();
        await official.OpenAsync(dossier);
        return dossier;
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    /// <summary>
    /// A commune under the old district of Hồng Ngự holding NTM nâng cao, so it may apply for kiểu mẫu on the three-tier
    /// procedure (the demo's own communes were merged into a ward on 1 July 2025 and open no new dossier).
    /// </summary>
    private async Task<TestUnit> NangCaoCommuneAsync()
    {
        var unit = await suite.App.NewCommune();
        await using var scope = suite.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var commune = await db.Units.FirstAsync(u => u.Code == unit.Code);
        db.Recognitions.AddRange(Recognition.Imported(commune, Levels.Ntm, 2020), Recognition.Imported(commune, Levels.NtmNangCao, 2024));
        await db.SaveChangesAsync();
        return unit;
    }

    /// <summary>The dossier the demo history seeded for a commune.</summary>
    private async Task<Guid> DemoDossierOfAsync(string unitCode)
    {
        await using var scope = suite.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Dossiers
            .Where(d => d.UnitCode == unitCode).Select(d => d.Id).FirstAsync();
    }
}
