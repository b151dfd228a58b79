using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>The pages over HTTP: who may open what, antiforgery on every form, errors beside the fields, the language switch.</summary>
public sealed class PageTests(NtmApp app) : IClassFixture<NtmApp>
{
    private readonly Procedure procedure = new(app);

    [Theory]
    [InlineData("/")]
    [InlineData("/Dossiers")]
    [InlineData("/Dossiers/Create")]
    [InlineData("/Notifications")]
    [InlineData("/Admin/Units")]
    public async Task Anonymous_IsSentToSignIn_WithTheWayBack(string path)
    {
        var response = await new PageSession(app).Get(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login?ReturnUrl=" + Uri.EscapeDataString(path), response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task SignIn_ReturnsToThePageTheUserWasOn()
    {
        var dossier = await procedure.Create(await app.NewCommune());
        var page = $"/Dossiers/{Procedure.Id(dossier)}";
        var session = new PageSession(app);

        var response = await session.SignIn(Procedure.District, returnUrl: page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(page, response.Headers.Location!.OriginalString);
        Assert.Contains("Xã Thử Nghiệm", await session.Html(page));
    }

    [Fact]
    public async Task SignIn_AwayFromThisSite_GoesHomeInstead()
    {
        var response = await new PageSession(app).SignIn(Procedure.District, returnUrl: "https://example.com/");

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task WrongPassword_StaysOnTheFormWithAMessage_AndTheUserNameKept()
    {
        var response = await new PageSession(app).SignIn("huyen.tracu", "sai-mat-khau");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng.", html);
        Assert.Contains("value=\"huyen.tracu\"", html);
    }

    [Fact]
    public async Task EmptyForm_ShowsEachMessageBesideItsField()
    {
        var html = await (await new PageSession(app).Post("/Account/Login", new() { ["Input.UserName"] = "", ["Input.Password"] = "" }))
            .Content.ReadAsStringAsync();

        Assert.Contains("Cần nhập tên đăng nhập.", html);
        Assert.Contains("Cần nhập mật khẩu.", html);
    }

    [Fact]
    public async Task AnotherCommunesDossier_IsTheNotPermittedPage()
    {
        var dossier = await procedure.Create(await app.NewCommune());
        var stranger = await app.NewCommune();
        var session = new PageSession(app);
        await session.SignIn(stranger.Officer);

        var response = await session.Get($"/Dossiers/{Procedure.Id(dossier)}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Không được phép", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnotherCommunesSelfAssessment_IsNotPermitted_NorSavable()
    {
        var dossier = await procedure.Create(await app.NewCommune(), qualify: false);
        var stranger = await app.NewCommune();
        var session = new PageSession(app);
        await session.SignIn(stranger.Officer);
        var page = $"/Dossiers/{Procedure.Id(dossier)}/SelfAssessment";

        Assert.Equal(HttpStatusCode.Forbidden, (await session.Get(page)).StatusCode);
        var own = $"/Dossiers/Create";
        var saved = await session.Post($"{page}?handler=Criteria", new() { ["Met"] = "1" }, tokenFrom: own);

        Assert.Equal(HttpStatusCode.Forbidden, saved.StatusCode);
        Assert.Equal(0, (await procedure.Get(Procedure.District, dossier)).GetProperty("criteria").GetProperty("met").GetInt32());
    }

    [Fact]
    public async Task TheSelfAssessmentPage_SavesTheTickedCriteria_ForTheCommune()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.Create(commune, qualify: false);
        var session = new PageSession(app);
        await session.SignIn(commune.Officer);
        var page = $"/Dossiers/{Procedure.Id(dossier)}/SelfAssessment";

        var saved = await session.Post($"{page}?handler=Criteria", new() { ["Met"] = "3", ["explanation-3"] = "Đã cứng hóa 100% đường trục xã" }, tokenFrom: page);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Đã cứng hóa 100% đường trục xã", await session.Html(page));
        Assert.Equal(1, (await procedure.Get(commune.Officer, dossier)).GetProperty("criteria").GetProperty("met").GetInt32());
    }

    [Fact]
    public async Task CreatingADossierForAUnitOutOfScope_IsRefused()
    {
        var session = new PageSession(app);
        await session.SignIn((await app.NewCommune()).Officer);

        var response = await session.Post("/Dossiers/Create",
            new() { ["UnitCode"] = "tra-vinh.tra-cu.dai-an", ["Level"] = "ntm", ["Year"] = "2025" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task AnUnknownDossier_IsTheNotFoundPage()
    {
        var session = new PageSession(app);
        await session.SignIn(Procedure.District);

        var response = await session.Get($"/Dossiers/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không tìm thấy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheWrongRole_CannotActThroughThePage()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.EnterDistrictReview(commune, Notices.Vietnam(2026, 3, 2, 9));
        var session = new PageSession(app);
        await session.SignIn(commune.Officer);
        var page = $"/Dossiers/{Procedure.Id(dossier)}";

        var response = await session.Post($"{page}?handler=Act&action=approve",
            new() { ["Form.ExpectedVersion"] = dossier.GetProperty("version").GetInt32().ToString() }, tokenFrom: page);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("district-review", (await procedure.Get(Procedure.District, dossier)).GetProperty("stage").GetString());
    }

    [Fact]
    public async Task AFormWithoutItsAntiforgeryToken_IsRefused_AndNothingChanges()
    {
        var dossier = await procedure.EnterDistrictReview(await app.NewCommune(), Notices.Vietnam(2026, 3, 2, 9));
        var session = new PageSession(app);
        await session.SignIn(Procedure.District);

        var response = await session.Post($"/Dossiers/{Procedure.Id(dossier)}?handler=Act&action=reject",
            new() { ["Form.ExpectedVersion"] = dossier.GetProperty("version").GetInt32().ToString(), ["Form.Comment"] = "Không đạt" },
            withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("district-review", (await procedure.Get(Procedure.District, dossier)).GetProperty("stage").GetString());
        var signIn = await new PageSession(app).Post("/Account/Login",
            new() { ["Input.UserName"] = Procedure.District, ["Input.Password"] = NtmApp.Password }, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
    }

    [Fact]
    public async Task AnActionMissingItsReason_ComesBackWithTheMessageBesideTheField()
    {
        var dossier = await procedure.EnterDistrictReview(await app.NewCommune(), Notices.Vietnam(2026, 3, 2, 9));
        var session = new PageSession(app);
        await session.SignIn(Procedure.District);
        var page = $"/Dossiers/{Procedure.Id(dossier)}";

        var response = await session.Post($"{page}?handler=Act&action=reject",
            new() { ["Form.ExpectedVersion"] = dossier.GetProperty("version").GetInt32().ToString(), ["Form.Comment"] = "" }, tokenFrom: page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("class=\"field-error\"", await response.Content.ReadAsStringAsync());
        Assert.Equal("district-review", (await procedure.Get(Procedure.District, dossier)).GetProperty("stage").GetString());
    }

    [Fact]
    public async Task AnAction_ThroughThePage_MovesTheDossier_AndSaysWhoActsNext()
    {
        var dossier = await procedure.EnterDistrictReview(await app.NewCommune(), Notices.Vietnam(2026, 3, 2, 9));
        var session = new PageSession(app);
        await session.SignIn(Procedure.District);
        var page = $"/Dossiers/{Procedure.Id(dossier)}";
        var version = dossier.GetProperty("version").GetInt32().ToString();
        var token = await session.Token(page);

        var moved = await session.Post($"{page}?handler=Act&action=request-supplement",
            new() { ["Form.ExpectedVersion"] = version, ["Form.Comment"] = "Bổ sung biên bản họp" }, token: token);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Contains("chờ cán bộ xã xử lý", await session.Html(page));

        var twice = await session.Post($"{page}?handler=Act&action=request-supplement",
            new() { ["Form.ExpectedVersion"] = version, ["Form.Comment"] = "Bổ sung biên bản họp" }, token: token);

        Assert.NotEqual(HttpStatusCode.Redirect, twice.StatusCode);
        Assert.Equal(2, (await procedure.Timeline(Procedure.District, dossier)).EnumerateArray()
            .Count(e => e.GetProperty("toStage").GetString() is "district-review" or "commune-supplement"));
    }

    [Fact]
    public async Task TheProvincialAppraiser_RecordsAVerdictOnACriterionInThePage_WhichTheCommuneCannot()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.At(commune, "provincial-appraisal");
        var page = $"/Dossiers/{Procedure.Id(dossier)}";
        var review = $"{page}?handler=Review&number=3";
        var officer = await PageSession.SignedIn(app, commune.Officer);
        Assert.DoesNotContain("form class=\"review\"", await officer.Html(page));
        var refused = await officer.Post(review, new() { ["Review.Agree"] = "true" }, tokenFrom: page);
        var appraiser = await PageSession.SignedIn(app, Procedure.Appraiser);

        var recorded = await appraiser.Post(review, new() { ["Review.Agree"] = "false", ["Review.Note"] = "Tỷ lệ chưa khớp báo cáo" }, tokenFrom: page);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.Equal($"{page}#criterion-3", recorded.Headers.Location!.OriginalString);
        var html = await appraiser.Html(page);
        Assert.Contains("<tr id=\"criterion-3\" class=\"disputed\">", html);
        Assert.Contains("Thẩm định cấp tỉnh: Không thống nhất Tỷ lệ chưa khớp báo cáo", html);
        var criteria = await (await app.As(Procedure.Appraiser)).GetFromJsonAsync<JsonElement>($"/api/dossiers/{Procedure.Id(dossier)}/criteria");
        Assert.Equal([3], criteria.GetProperty("disputed").EnumerateArray().Select(c => c.GetProperty("number").GetInt32()));
    }

    [Fact]
    public async Task TheEmailSettings_AreChangedOnTheNotificationsPage_WithBadInputKeptBesideItsMessage()
    {
        var commune = await app.NewCommune();
        var session = new PageSession(app);
        await session.SignIn(commune.Officer);

        var bad = await session.Post("/Notifications?handler=Settings",
            new() { ["Settings.Email"] = "khong-phai-thu", ["Settings.EmailPreference"] = "daily-digest" }, tokenFrom: "/Notifications");
        var good = await session.Post("/Notifications?handler=Settings",
            new() { ["Settings.Email"] = "vanthu@xa.gov.vn", ["Settings.EmailPreference"] = "daily-digest" }, tokenFrom: "/Notifications");

        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Contains("không hợp lệ", badHtml);
        Assert.Contains("value=\"khong-phai-thu\"", badHtml);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var settings = await (await app.As(commune.Officer)).GetFromJsonAsync<JsonElement>("/api/me/notification-settings");
        Assert.Equal("daily-digest", settings.GetProperty("emailPreference").GetString());
        Assert.Contains("value=\"vanthu@xa.gov.vn\"", await session.Html("/Notifications"));
    }

    [Fact]
    public async Task ThePublicRegistry_OpensWithoutSignIn_AndSearches()
    {
        var session = new PageSession(app);

        var all = await session.Html("/Public/Decisions");
        var found = await session.Html("/Public/Decisions?q=tan+hoi");

        Assert.Contains("Xã Tân Hội", all);
        Assert.Contains("Xã Tân Hội", found);
        Assert.DoesNotContain("Xã Bình Thạnh", found);
    }

    [Theory]
    [InlineData("/Public/Decisions", false)]
    [InlineData("/Dossiers", true)]
    public async Task AListWithoutFilters_ShowsNoMessage(string path, bool signedIn)
    {
        var session = signedIn ? await PageSession.SignedIn(app, Procedure.District) : new PageSession(app);

        var html = await session.Html(path);

        Assert.DoesNotContain("not valid", html);
        Assert.DoesNotContain("validation-summary-errors", html);
    }

    [Fact]
    public async Task TheListsPageNumber_IsReadFromItsLink()
    {
        var session = await PageSession.SignedIn(app, Procedure.District);

        var html = await session.Html("/Dossiers?pageNumber=2");

        Assert.Contains("Trang 2/", html);
        Assert.DoesNotContain("validation-summary-errors", html);
    }

    [Fact]
    public async Task AValueThePageCannotRead_IsRefusedInVietnamese_AndInEnglishUnderTheSwitch()
    {
        var session = await PageSession.SignedIn(app, Procedure.District);

        Assert.Contains("Giá trị 'hai-nghìn' không hợp lệ.", WebUtility.HtmlDecode(await session.Html("/Dossiers?year=hai-nghìn")));

        await session.Post("/Culture", new() { ["culture"] = "en-US", ["returnUrl"] = "/" }, tokenFrom: "/");
        var english = WebUtility.HtmlDecode(await session.Html("/Public/Decisions?year=abc"));
        Assert.Contains("The value 'abc' is not valid.", english);
        Assert.DoesNotContain("for Year", english);
    }

    [Fact]
    public async Task TheLanguageSwitch_ShowsThePagesInEnglish()
    {
        var session = new PageSession(app);
        Assert.Contains("Đăng nhập", await session.Html("/Account/Login"));

        var switched = await session.Post("/Culture", new() { ["culture"] = "en-US", ["returnUrl"] = "/Account/Login" }, tokenFrom: "/Account/Login");

        Assert.Equal("/Account/Login", switched.Headers.Location!.OriginalString);
        var html = await session.Html("/Account/Login");
        Assert.Contains("Sign in", html);
        Assert.Contains("lang=\"en\"", html);
    }

    [Fact]
    public async Task TheApi_DoesNotAcceptTheSignInCookie()
    {
        var session = new PageSession(app);
        await session.SignIn(Procedure.District);

        Assert.Equal(HttpStatusCode.Unauthorized, (await session.Get("/api/tasks")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.Get("/Dossiers")).StatusCode);
    }
}
