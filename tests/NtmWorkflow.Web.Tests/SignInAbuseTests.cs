using System.Net;
using System.Net.Http.Json;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>An app with the sign-in limits low enough to reach in a test.</summary>
public sealed class LowSignInLimitsApp : NtmApp
{
    public const int PerAddress = 12;
    public const int PerUserName = 9;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("SignIn:AttemptsPerAddress", PerAddress.ToString()),
        new("SignIn:AttemptsPerUserName", PerUserName.ToString()),
    ];
}

/// <summary>Password guessing is braked per address and per user name, and no stranger can lock an official out.</summary>
public sealed class SignInAbuseTests(LowSignInLimitsApp app) : IClassFixture<LowSignInLimitsApp>
{
    private static int addressCounter;

    [Fact]
    public async Task RapidFailures_FromOneAddress_Get429WithRetryAfter_InVietnamese()
    {
        var client = From(NewAddress());
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 60; i++)
        {
            var response = await client.PostAsJsonAsync("/api/auth/login", new { userName = $"doan.mo.{i}", password = "sai" });
            statuses.Add(response.StatusCode);
            refused ??= response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.Equal(LowSignInLimitsApp.PerAddress, statuses.Count(s => s == HttpStatusCode.Unauthorized));
        Assert.Equal(60 - LowSignInLimitsApp.PerAddress, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.True(refused!.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("quá nhiều lần", (await ProblemAssert.Is(HttpStatusCode.TooManyRequests, refused)).Detail());
        Assert.Equal(HttpStatusCode.Unauthorized, (await From(NewAddress()).PostAsJsonAsync("/api/auth/login",
            new { userName = "doan.mo", password = "sai" })).StatusCode);
    }

    [Fact]
    public async Task OneUserName_TriedFromManyAddresses_Gets429()
    {
        var commune = await app.NewCommune();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < LowSignInLimitsApp.PerUserName + 3; i++)
        {
            statuses.Add((await From(NewAddress()).PostAsJsonAsync("/api/auth/login", new { userName = commune.Officer, password = "sai" })).StatusCode);
        }

        Assert.Equal(LowSignInLimitsApp.PerUserName, statuses.Count(s => s == HttpStatusCode.Unauthorized));
        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task FiveFailures_LockOnlyThatAddress_TheOwnerSignsInFromAnother()
    {
        var commune = await app.NewCommune();
        var attacker = From(NewAddress());
        for (var i = 0; i < 5; i++)
        {
            await ProblemAssert.Is(HttpStatusCode.Unauthorized,
                await attacker.PostAsJsonAsync("/api/auth/login", new { userName = commune.Officer, password = "sai" }));
        }

        var locked = await attacker.PostAsJsonAsync("/api/auth/login", new { userName = commune.Officer, password = NtmApp.Password });
        Assert.Contains("thử lại sau 15 phút", (await ProblemAssert.Is(HttpStatusCode.TooManyRequests, locked)).Detail());
        Assert.True(locked.Headers.RetryAfter?.Delta > TimeSpan.FromMinutes(14));
        Assert.Equal(HttpStatusCode.OK, (await From(NewAddress()).PostAsJsonAsync("/api/auth/login",
            new { userName = commune.Officer, password = NtmApp.Password })).StatusCode);

        app.Clock.Now += TimeSpan.FromMinutes(16);
        Assert.Equal(HttpStatusCode.OK, (await attacker.PostAsJsonAsync("/api/auth/login",
            new { userName = commune.Officer, password = NtmApp.Password })).StatusCode);
    }

    [Fact]
    public async Task ABurstSentAtOnce_GetsNoMoreGuessesThanFive()
    {
        var commune = await app.NewCommune();
        var address = NewAddress();

        var burst = await Task.WhenAll(Enumerable.Range(0, 15).Select(_ =>
            From(address).PostAsJsonAsync("/api/auth/login", new { userName = commune.Officer, password = "sai" })));

        Assert.True(burst.Count(r => r.StatusCode == HttpStatusCode.Unauthorized) <= 5);
        Assert.Equal(15, burst.Count(r => r.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.TooManyRequests));
        await ProblemAssert.Is(HttpStatusCode.TooManyRequests,
            await From(address).PostAsJsonAsync("/api/auth/login", new { userName = commune.Officer, password = NtmApp.Password }));
    }

    [Fact]
    public async Task EveryFailureAStrangerCanProvoke_ReadsTheSame()
    {
        var commune = await app.NewCommune();
        var deactivated = await app.NewCommune();
        await Procedure.Must(await (await app.As("admin")).PostAsync($"/api/admin/users/{deactivated.Officer}/deactivate", null));

        var unknown = await Detail(HttpStatusCode.Unauthorized, "khong.ton.tai", "sai");
        var wrong = await Detail(HttpStatusCode.Unauthorized, commune.Officer, "sai");
        var inactive = await Detail(HttpStatusCode.Unauthorized, deactivated.Officer, "sai");
        Assert.Equal(unknown, wrong);
        Assert.Equal(unknown, inactive);

        var address = NewAddress();
        var lockedUnknown = await LockPair(address, "khong.ton.tai.nua");
        var lockedReal = await LockPair(address, commune.Officer);
        Assert.Equal(lockedUnknown, lockedReal);
    }

    [Fact]
    public async Task TheRightPassword_OfADeactivatedAccount_IsToldItIsDeactivated()
    {
        var commune = await app.NewCommune();
        await Procedure.Must(await (await app.As("admin")).PostAsync($"/api/admin/users/{commune.Officer}/deactivate", null));

        Assert.Contains("vô hiệu hóa", await Detail(HttpStatusCode.Unauthorized, commune.Officer, NtmApp.Password));
    }

    [Fact]
    public async Task ThePage_LocksThePairToo_AndSaysHowLongToWait()
    {
        var commune = await app.NewCommune();
        var address = NewAddress();
        var session = new PageSession(app, address);
        for (var i = 0; i < 5; i++)
        {
            await session.SignIn(commune.Officer, "sai-mat-khau");
        }

        var locked = await session.SignIn(commune.Officer);

        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Contains("thử lại sau 15 phút", await locked.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await new PageSession(app, NewAddress()).SignIn(commune.Officer)).StatusCode);
    }

    [Fact]
    public async Task ThePage_IsLimitedPerAddress()
    {
        var session = new PageSession(app, NewAddress());
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < LowSignInLimitsApp.PerAddress + 2; i++)
        {
            statuses.Add((await session.SignIn($"trang.{i}", "sai")).StatusCode);
        }

        Assert.Equal(2, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }

    private async Task<string> LockPair(string address, string userName)
    {
        for (var i = 0; i < 5; i++)
        {
            await From(address).PostAsJsonAsync("/api/auth/login", new { userName, password = "sai" });
        }
        var response = await From(address).PostAsJsonAsync("/api/auth/login", new { userName, password = "sai" });
        return (await ProblemAssert.Is(HttpStatusCode.TooManyRequests, response)).Detail();
    }

    private async Task<string> Detail(HttpStatusCode status, string userName, string password) =>
        (await ProblemAssert.Is(status, await From(NewAddress()).PostAsJsonAsync("/api/auth/login", new { userName, password }))).Detail();

    private HttpClient From(string address) => TestClientAddress.From(app.Anonymous(), address);

    /// <summary>A fresh caller, from the IPv6 documentation range (the address is only a header; nothing is sent to it).</summary>
    private static string NewAddress() => $"2001:db8::{Interlocked.Increment(ref addressCounter):x}";
}
