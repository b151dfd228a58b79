using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>The administrator creates officials, deactivates them, resets passwords, and keeps the unit tree.</summary>
public sealed class AdminTests(NtmApp app) : IClassFixture<NtmApp>
{
    private const string Admin = "admin";
    private static int counter;

    private static string NewName() => $"canbo.moi{Interlocked.Increment(ref counter)}";

    private async Task<HttpResponseMessage> Create(string userName, string role = "commune-officer", string password = NtmApp.Password,
        string unitCode = "dong-thap.hong-ngu.tan-hoi") =>
        await (await app.As(Admin)).PostAsJsonAsync("/api/admin/users",
            new { userName, fullName = "Cán bộ mới", unitCode, role, email = "moi@tanhoi.gov.vn", password });

    private async Task<HttpStatusCode> SignInStatus(string userName, string password = NtmApp.Password) =>
        (await app.Anonymous().PostAsJsonAsync("/api/auth/login", new { userName, password })).StatusCode;

    [Fact]
    public async Task ACreatedOfficial_SignsIn_WithTheirRoleAndUnit()
    {
        var name = NewName();

        var created = await Procedure.Must(await Create(name));

        Assert.Equal(["commune-officer"], created.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("Xã Tân Hội", created.GetProperty("unitName").GetString());
        Assert.Equal(HttpStatusCode.OK, await SignInStatus(name));
        var listed = await (await app.As(Admin)).GetFromJsonAsync<JsonElement>($"/api/admin/users?q={name}");
        Assert.Equal(name, Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("userName").GetString());
    }

    [Theory]
    [InlineData("Tên Có Dấu", "commune-officer", NtmApp.Password, "dong-thap.hong-ngu.tan-hoi", "userName")]
    [InlineData("ok.name", "chief", NtmApp.Password, "dong-thap.hong-ngu.tan-hoi", "role")]
    [InlineData("ok.name", "commune-officer", "ngan", "dong-thap.hong-ngu.tan-hoi", "password")]
    [InlineData("ok.name", "commune-officer", NtmApp.Password, "dong-thap", "role")]
    [InlineData("ok.name", "commune-officer", NtmApp.Password, "nowhere", "unitCode")]
    public async Task BadInput_Is400NamingTheField_AndCreatesNoOne(string userName, string role, string password, string unitCode, string field)
    {
        var response = await Create(userName, role, password, unitCode);

        var problem = await ProblemAssert.Is(HttpStatusCode.BadRequest, response);
        Assert.Contains(field, problem.GetRawText());
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInStatus(userName, password));
    }

    [Fact]
    public async Task AWeakPassword_IsRefusedInVietnamese()
    {
        var problem = await ProblemAssert.Is(HttpStatusCode.BadRequest, await Create(NewName(), password: "matkhau"));

        Assert.Contains("ít nhất 10 ký tự", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ATakenUserName_Is409()
    {
        var name = NewName();
        await Procedure.Must(await Create(name));

        await ProblemAssert.Is(HttpStatusCode.Conflict, await Create(name));
    }

    [Fact]
    public async Task OnlyAnAdministrator_Administers()
    {
        var district = await app.As(Procedure.District);

        await ProblemAssert.Is(HttpStatusCode.Forbidden, await district.GetAsync("/api/admin/users"));
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await district.PostAsJsonAsync("/api/admin/units",
            new { code = "x", name = "X", kind = "commune", parentCode = "dong-thap.hong-ngu" }));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/admin/users")).StatusCode);
    }

    [Fact]
    public async Task ADeactivatedOfficial_CannotSignIn_IsNotNotified_AndCanBeReactivated()
    {
        var commune = await app.NewCommune();
        var dossier = await new Procedure(app).Create(commune);
        var admin = await app.As(Admin);
        var colleague = NewName();
        await Procedure.Must(await Create(colleague, unitCode: commune.Code));

        await Procedure.Must(await admin.PostAsync($"/api/admin/users/{colleague}/deactivate", null));
        var refused = await app.Anonymous().PostAsJsonAsync("/api/auth/login", new { userName = colleague, password = NtmApp.Password });
        Assert.Contains("vô hiệu hóa", (await ProblemAssert.Is(HttpStatusCode.Unauthorized, refused)).GetProperty("detail").GetString());

        await Procedure.Must(await admin.PostAsync($"/api/admin/users/{colleague}/activate", null));
        Assert.Equal(HttpStatusCode.OK, await SignInStatus(colleague));
        Assert.Equal("self-assessment", dossier.GetProperty("stage").GetString());
    }

    [Fact]
    public async Task NotifyingAStage_SkipsDeactivatedOfficials()
    {
        var commune = await app.NewCommune();
        var colleague = NewName();
        await Procedure.Must(await Create(colleague, unitCode: commune.Code));
        var admin = await app.As(Admin);
        var procedure = new Procedure(app);
        var dossier = await procedure.EnterDistrictReview(commune, Notices.Vietnam(2026, 3, 2, 9));
        dossier = await procedure.MustAct(Procedure.District, dossier, "request-supplement", new { comment = "Bổ sung" });
        Assert.Single(await Supplements(colleague, dossier));
        await Procedure.Must(await admin.PostAsync($"/api/admin/users/{colleague}/deactivate", null));

        dossier = await procedure.MustAct(commune.Officer, dossier, "resubmit");
        await procedure.MustAct(Procedure.District, dossier, "request-supplement", new { comment = "Bổ sung lần hai" });

        await Procedure.Must(await admin.PostAsync($"/api/admin/users/{colleague}/activate", null));
        app.Forget(colleague);
        Assert.Single(await Supplements(colleague, dossier));
        Assert.Equal(2, (await Supplements(commune.Officer, dossier)).Count);
    }

    private async Task<List<JsonElement>> Supplements(string userName, JsonElement dossier) =>
        (await Notices.Of(app, userName, dossier)).Where(n => n.GetProperty("stage").GetString() == "commune-supplement").ToList();

    [Fact]
    public async Task TheAdministrator_CannotDeactivateThemself() =>
        await ProblemAssert.Is(HttpStatusCode.Conflict, await (await app.As(Admin)).PostAsync($"/api/admin/users/{Admin}/deactivate", null));

    [Fact]
    public async Task AResetPassword_ReplacesTheOld_AndUnlocks()
    {
        var name = NewName();
        await Procedure.Must(await Create(name));
        for (var i = 0; i < 5; i++)
        {
            await SignInStatus(name, "sai-mat-khau");
        }
        var admin = await app.As(Admin);

        var weak = await admin.PostAsJsonAsync($"/api/admin/users/{name}/password", new { newPassword = "ngan" });
        await ProblemAssert.Is(HttpStatusCode.BadRequest, weak);
        await Procedure.Must(await admin.PostAsJsonAsync($"/api/admin/users/{name}/password", new { newPassword = "Mat-Khau-Moi-2026" }));

        Assert.Equal(HttpStatusCode.OK, await SignInStatus(name, "Mat-Khau-Moi-2026"));
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInStatus(name));
        await ProblemAssert.Is(HttpStatusCode.NotFound, await admin.PostAsJsonAsync("/api/admin/users/khong-co/password", new { newPassword = "Mat-Khau-Moi-2026" }));
    }

    [Fact]
    public async Task Units_AreAddedUnderTheirParent_AndRenamed()
    {
        var admin = await app.As(Admin);

        var added = await Procedure.Must(await admin.PostAsJsonAsync("/api/admin/units",
            new { code = "dong-thap.an-binh-a", name = "Xã An Bình A", kind = "commune", parentCode = "dong-thap" }));
        var renamed = await Procedure.Must(await admin.PutAsJsonAsync("/api/admin/units/dong-thap.an-binh-a", new { name = "Phường An Bình A" }));

        Assert.Equal("xa", added.GetProperty("kind").GetString());
        Assert.Equal("Phường An Bình A", renamed.GetProperty("name").GetString());
        var found = await admin.GetFromJsonAsync<JsonElement>("/api/admin/units?q=an binh a");
        Assert.Contains(found.EnumerateArray(), u => u.GetProperty("code").GetString() == "dong-thap.an-binh-a");
        await ProblemAssert.Is(HttpStatusCode.Conflict, await admin.PostAsJsonAsync("/api/admin/units",
            new { code = "dong-thap.an-binh-a", name = "Trùng", kind = "commune", parentCode = "dong-thap" }));
        await ProblemAssert.Is(HttpStatusCode.BadRequest, await admin.PostAsJsonAsync("/api/admin/units",
            new { code = "dong-thap.sai-cap", name = "Sai cấp", kind = "province", parentCode = "dong-thap" }));
        await ProblemAssert.Is(HttpStatusCode.NotFound, await admin.PutAsJsonAsync("/api/admin/units/khong-co", new { name = "X" }));
        var underEnded = await ProblemAssert.Is(HttpStatusCode.BadRequest, await admin.PostAsJsonAsync("/api/admin/units",
            new { code = "dong-thap.hong-ngu.moi", name = "Xã Mới", kind = "xa", parentCode = "dong-thap.hong-ngu" }));
        Assert.Contains("đã kết thúc ngày 01/07/2025", underEnded.Detail());
    }

    [Fact]
    public async Task TheAdministrationPages_AreForAdministratorsOnly()
    {
        var anonymous = await new PageSession(app).Get("/Admin/Users");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        var district = new PageSession(app);
        await district.SignIn(Procedure.District);
        var refused = await district.Get("/Admin/Users");
        Assert.Contains("/AccessDenied", refused.Headers.Location!.OriginalString);
        var admin = new PageSession(app);
        await admin.SignIn(Admin);

        var html = await admin.Html("/Admin/Users");
        var empty = await admin.Post("/Admin/Users", new() { ["New.UserName"] = "", ["New.Role"] = "commune-officer" });

        Assert.Contains("huyen.hongngu", html);
        var emptyHtml = await empty.Content.ReadAsStringAsync();
        Assert.Contains("Tên đăng nhập (userName)", emptyHtml);
        Assert.Contains("Cần mật khẩu ban đầu", emptyHtml);
        Assert.Contains("Xã Tân Hội", await admin.Html("/Admin/Units?q=tan+hoi"));
    }
}
