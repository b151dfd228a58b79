using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

public sealed class AuthTests(NtmApp app) : IClassFixture<NtmApp>
{
    [Fact]
    public async Task Login_WithTheDemoPassword_ReturnsBearerAndRefreshTokens()
    {
        var response = await app.Anonymous().PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = NtmApp.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Json();
        Assert.False(string.IsNullOrEmpty(body.GetProperty("accessToken").GetString()));
        Assert.False(string.IsNullOrEmpty(body.GetProperty("refreshToken").GetString()));
        Assert.True(body.GetProperty("expiresIn").GetInt64() > 0);
    }

    [Fact]
    public async Task Refresh_WithTheRefreshToken_ReturnsAWorkingAccessToken()
    {
        var login = await (await app.Anonymous().PostAsJsonAsync("/api/auth/login", new { userName = "huyen.tracu", password = NtmApp.Password })).Json();
        var refreshed = await app.Anonymous().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = login.GetProperty("refreshToken").GetString() });
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await refreshed.Json()).GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/tasks")).StatusCode);
    }

    [Fact]
    public async Task SigningKeys_AreKeptInTheDatabase_SoEveryInstanceAcceptsTheTokens()
    {
        await app.As("huyen.hongngu");
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync());
    }

    [Fact]
    public async Task Refresh_WithGarbage_Is401()
    {
        var response = await app.Anonymous().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = "rac" });
        await ProblemAssert.Is(HttpStatusCode.Unauthorized, response);
    }

    [Fact]
    public async Task Login_WithAWrongPassword_Is401InVietnamese()
    {
        var response = await app.Anonymous().PostAsJsonAsync("/api/auth/login", new { userName = "xa.binhthanh", password = "sai-mat-khau" });
        var problem = await ProblemAssert.Is(HttpStatusCode.Unauthorized, response);
        Assert.Contains("không đúng", problem.Detail());
    }

    [Fact]
    public async Task Login_UnknownUser_Is401LikeAWrongPassword()
    {
        var response = await app.Anonymous().PostAsJsonAsync("/api/auth/login", new { userName = "khong.co", password = "x" });
        Assert.Contains("không đúng", (await ProblemAssert.Is(HttpStatusCode.Unauthorized, response)).Detail());
    }

    [Fact]
    public async Task Login_WithoutUserName_Is400()
    {
        var response = await app.Anonymous().PostAsJsonAsync("/api/auth/login", new { password = "x" });
        Assert.True((await ProblemAssert.Is(HttpStatusCode.BadRequest, response)).Names("userName"));
    }

    [Fact]
    public async Task EveryDemoUser_CanSignIn()
    {
        string[] users =
        [
            "xa.tanhoi", "xa.binhthanh", "xa.tapson", "huyen.hongngu", "huyen.tracu", "tinh.dongthap.thamdinh",
            "tinh.travinh.thamdinh", "tinh.dongthap.lanhdao", "tinh.travinh.lanhdao", "trunguong.thamdinh", "admin",
            "xa.tapson.vl", "tinh.vinhlong.thamdinh", "tinh.vinhlong.lanhdao",
        ];
        foreach (var user in users)
        {
            var client = await app.As(user);
            var tasks = await client.GetFromJsonAsync<JsonElement>("/api/tasks");
            Assert.True(tasks.GetProperty("total").GetInt32() >= 0);
        }
    }
}
