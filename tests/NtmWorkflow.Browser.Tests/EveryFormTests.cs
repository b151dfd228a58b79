using Microsoft.Playwright;
using NtmWorkflow.Browser.Tests.Support;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Browser.Tests;

/// <summary>Every form of every page submitted once by a user allowed to: none may answer with an error page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EveryFormTests(BrowserSuite suite)
{
    [BrowserFact]
    public async Task TheDistrictReviewer_SubmitsEachFormOfADossierInReview_AndOfTheList()
    {
        var district = await Official.SignInAsync(suite, Procedure.District);
        var walker = new FormWalker(district.Page);

        // An action moves the dossier on, so each form gets a dossier of its own, fresh in district review.
        await walker.SubmitEachAsync(async () => $"/Dossiers/{Procedure.Id((await suite.InDistrictReviewAsync()).Dossier)}");
        await walker.SubmitEachAsync("/Dossiers");

        foreach (var button in new[] { "Đạt yêu cầu thẩm tra", "Yêu cầu xã bổ sung", "Không đủ điều kiện", "Tải lên", "Ghi ý kiến", "Lọc" })
        {
            Assert.Contains(walker.Clicked, clicked => clicked.EndsWith(": " + button));
        }
        await SignOutAsync(district.Page);
    }

    [BrowserFact]
    public async Task TheCommuneOfficer_SubmitsEachFormOfTheirNotificationsListAndANewDossiersPages()
    {
        var procedure = suite.Procedure;
        var (commune, dossier) = await suite.InDistrictReviewAsync();
        // Two returns for supplement: two notices, so that one is still unread when the other has been marked.
        dossier = await procedure.MustAct(Procedure.District, dossier, "request-supplement", new { comment = "Bổ sung biên bản" });
        dossier = await procedure.MustAct(commune.Officer, dossier, "resubmit");
        dossier = await procedure.MustAct(Procedure.District, dossier, "request-supplement", new { comment = "Bổ sung lần hai" });
        var officer = await Official.SignInAsync(suite, commune.Officer);
        var walker = new FormWalker(officer.Page);

        await walker.SubmitEachAsync("/Notifications");
        await walker.SubmitEachAsync("/Dossiers");
        var fresh = await suite.App.NewCommune();
        await suite.App.PlaceInGroup(fresh);
        var other = await Official.SignInAsync(suite, fresh.Officer);
        var starter = new FormWalker(other.Page);
        await starter.SubmitEachAsync("/Dossiers/Create");
        await starter.SubmitEachAsync($"/Dossiers/{other.DossierId}/SelfAssessment");

        foreach (var button in new[] { "Đã đọc", "Đánh dấu tất cả đã đọc", "Lưu", "Lọc" })
        {
            Assert.Contains(walker.Clicked, clicked => clicked.EndsWith(": " + button));
        }
        foreach (var button in new[] { "Lập hồ sơ", "Lưu tự đánh giá", "Lưu điều kiện" })
        {
            Assert.Contains(starter.Clicked, clicked => clicked.EndsWith(": " + button));
        }
    }

    [BrowserFact]
    public async Task AnyoneWithoutSigningIn_SubmitsTheSignInTheRegistryAndACommentForm()
    {
        var dossier = await suite.Procedure.At(await suite.App.NewCommune(), "commune-public-comment");
        var citizen = await suite.NewPageAsync();
        var walker = new FormWalker(citizen);

        await walker.SubmitEachAsync("/Account/Login");
        await walker.SubmitEachAsync("/Public/Decisions");
        await walker.SubmitEachAsync($"/Public/Comments/{Procedure.Id(dossier)}");

        foreach (var button in new[] { "Đăng nhập", "Tìm", "Gửi góp ý" })
        {
            Assert.Contains(walker.Clicked, clicked => clicked.EndsWith(": " + button));
        }
    }

    [BrowserFact]
    public async Task TheAdministrator_SubmitsEachFormOfTheAdministrationPages()
    {
        var someone = await suite.App.NewCommune();
        var admin = await Official.SignInAsync(suite, "admin");
        var walker = new FormWalker(admin.Page);

        await walker.SubmitEachAsync("/Admin/Users");
        await walker.SubmitEachAsync($"/Admin/Users/{someone.Officer}");
        await walker.SubmitEachAsync("/Admin/Units");
        await walker.SubmitEachAsync($"/Units/{someone.Code}/Groups");

        foreach (var button in new[] { "Tìm", "Tạo người dùng", "Vô hiệu hóa", "Đặt lại mật khẩu", "Đổi tên", "Thêm đơn vị", "Ghi nhóm xã" })
        {
            Assert.Contains(walker.Clicked, clicked => clicked.EndsWith(": " + button));
        }
        await SignOutAsync(admin.Page);
    }

    /// <summary>The header's sign-out button, the one header form the walks leave out (the language switch has its own tests).</summary>
    private static async Task SignOutAsync(IPage page)
    {
        var answer = await Official.ClickToPageAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }));
        Assert.Equal(200, answer.Status);
        Assert.EndsWith("/Account/Login", page.Url);
    }
}
