using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>Access ends at once when an administrator deactivates an official or resets their password.</summary>
public sealed class SessionTests(NtmApp app) : IClassFixture<NtmApp>
{
    private readonly Procedure procedure = new(app);

    public static TheoryData<string> Endings => new() { "deactivate", "password" };

    [Theory]
    [MemberData(nameof(Endings))]
    public async Task ABearerToken_TakenBefore_IsRefusedOnTheNextRequest(string ending)
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.Create(commune, qualify: false);
        var officer = await Token(commune.Officer);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/api/dossiers")).StatusCode);

        await End(commune.Officer, ending);

        Assert.Equal(HttpStatusCode.Unauthorized, (await officer.GetAsync("/api/dossiers")).StatusCode);
        var withdraw = await officer.PostAsJsonAsync($"/api/dossiers/{Procedure.Id(dossier)}/actions/withdraw",
            new { comment = "Rút", expectedVersion = dossier.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.Unauthorized, withdraw.StatusCode);
        Assert.Equal("self-assessment", (await procedure.Get("admin", dossier)).GetProperty("stage").GetString());
    }

    [Theory]
    [MemberData(nameof(Endings))]
    public async Task AnOpenBrowserSession_IsSentToSignIn_AndItsFormsMoveNothing(string ending)
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.Create(commune, qualify: false);
        var session = new PageSession(app);
        Assert.Equal(HttpStatusCode.Redirect, (await session.SignIn(commune.Officer)).StatusCode);
        var page = $"/Dossiers/{Procedure.Id(dossier)}";
        var token = await session.Token(page);

        await End(commune.Officer, ending);

        var list = await session.Get("/Dossiers");
        Assert.Equal(HttpStatusCode.Redirect, list.StatusCode);
        Assert.StartsWith("/Account/Login", list.Headers.Location!.PathAndQuery);
        var posted = await session.Post($"{page}?handler=Act&action=withdraw",
            new() { ["Form.ExpectedVersion"] = dossier.GetProperty("version").GetInt32().ToString(), ["Form.Comment"] = "Rút" }, token: token);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.StartsWith("/Account/Login", posted.Headers.Location!.PathAndQuery);
        var timeline = await procedure.Timeline("admin", dossier);
        Assert.DoesNotContain(timeline.EnumerateArray(), e => e.GetProperty("action").GetString() == "withdraw");
    }

    [Fact]
    public async Task AReactivatedOfficial_SignsInAgain_ButTheOldTokenStaysDead()
    {
        var commune = await app.NewCommune();
        var old = await Token(commune.Officer);
        await End(commune.Officer, "deactivate");
        await Procedure.Must(await (await app.As("admin")).PostAsync($"/api/admin/users/{commune.Officer}/activate", null));

        Assert.Equal(HttpStatusCode.Unauthorized, (await old.GetAsync("/api/tasks")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await Token(commune.Officer)).GetAsync("/api/tasks")).StatusCode);
    }

    [Fact]
    public async Task ARefreshToken_IsSpentOnce_AndItsReuseRevokesTheWholeFamily()
    {
        var commune = await app.NewCommune();
        var login = await Login(commune.Officer);
        var first = await Refresh(login.GetProperty("refreshToken").GetString()!);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var rotated = await first.Json();
        Assert.NotEqual(login.GetProperty("refreshToken").GetString(), rotated.GetProperty("refreshToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await Bearer(rotated).GetAsync("/api/tasks")).StatusCode);

        var reused = await Refresh(login.GetProperty("refreshToken").GetString()!);

        Assert.Contains("đã dùng", (await ProblemAssert.Is(HttpStatusCode.Unauthorized, reused)).Detail());
        await ProblemAssert.Is(HttpStatusCode.Unauthorized, await Refresh(rotated.GetProperty("refreshToken").GetString()!));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(rotated).GetAsync("/api/tasks")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(login).GetAsync("/api/tasks")).StatusCode);
    }

    [Fact]
    public async Task ARevokedFamily_LeavesTheOfficialsOtherSignInsAlone()
    {
        var commune = await app.NewCommune();
        var phone = await Login(commune.Officer);
        var desk = await Login(commune.Officer);
        await Refresh(phone.GetProperty("refreshToken").GetString()!);
        await Refresh(phone.GetProperty("refreshToken").GetString()!);

        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(phone).GetAsync("/api/tasks")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Bearer(desk).GetAsync("/api/tasks")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Refresh(desk.GetProperty("refreshToken").GetString()!)).StatusCode);
    }

    [Fact]
    public async Task ARefreshToken_OfADeactivatedOfficial_IsRefused()
    {
        var commune = await app.NewCommune();
        var login = await Login(commune.Officer);
        await End(commune.Officer, "deactivate");

        await ProblemAssert.Is(HttpStatusCode.Unauthorized, await Refresh(login.GetProperty("refreshToken").GetString()!));
    }

    private async Task End(string userName, string ending)
    {
        var admin = await app.As("admin");
        await Procedure.Must(ending == "deactivate"
            ? await admin.PostAsync($"/api/admin/users/{userName}/deactivate", null)
            : await admin.PostAsJsonAsync($"/api/admin/users/{userName}/password", new { newPassword = "Mat-khau-moi-2026" }));
    }

    private async Task<JsonElement> Login(string userName) =>
        await Procedure.Must(await app.Anonymous().PostAsJsonAsync("/api/auth/login", new { userName, password = NtmApp.Password }));

    private async Task<HttpClient> Token(string userName) => Bearer(await Login(userName));

    private Task<HttpResponseMessage> Refresh(string refreshToken) =>
        app.Anonymous().PostAsJsonAsync("/api/auth/refresh", new { refreshToken });

    private HttpClient Bearer(JsonElement tokens)
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", tokens.GetProperty("accessToken").GetString());
        return client;
    }
}
