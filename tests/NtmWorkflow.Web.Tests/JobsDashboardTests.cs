using System.Net;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>Hangfire's dashboard at /admin/jobs: administrators only (read-only for the province's leaders).</summary>
public sealed class JobsDashboardTests(NtmApp app) : IClassFixture<NtmApp>
{
    [Fact]
    public async Task SomeoneSignedOut_IsSentToTheSignInPage()
    {
        var answer = await new PageSession(app).Get("/admin/jobs/recurring");

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Contains("/Account/Login?ReturnUrl=%2Fadmin%2Fjobs%2Frecurring", answer.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("xa.tanhoi")]
    [InlineData(Procedure.District)]
    public async Task AnotherOfficial_IsRefused(string userName)
    {
        var session = await PageSession.SignedIn(app, userName);

        var answer = await session.Get("/admin/jobs");

        Assert.Contains("/AccessDenied", answer.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, (await session.Get(answer.Headers.Location.OriginalString)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await session.Get("/admin/jobs/stats")).StatusCode);
    }

    [Fact]
    public async Task AnAdministrator_SeesTheRecurringJobs_AndTheirButtons()
    {
        var admin = await PageSession.SignedIn(app, "admin");

        var html = await admin.Html("/admin/jobs/recurring");

        Assert.Contains("ReminderSweepJob", html);
        Assert.Contains("DailyDigestJob", html);
        Assert.Contains("Asia/Ho_Chi_Minh", html);
        Assert.Contains("data-url=\"/admin/jobs/recurring/trigger\"", html);
        var home = await admin.Get("/admin/jobs");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        // Relaxed for the dashboard's inline style only: never for inline script, never framed.
        var policy = string.Join(";", home.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("style-src 'self' 'unsafe-inline'", policy);
        Assert.Contains("script-src 'self';", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
    }

    [Fact]
    public async Task AButtonPressedWithoutTheAntiforgeryToken_IsRefused()
    {
        var admin = await PageSession.SignedIn(app, "admin");

        var answer = await admin.Client.PostAsync("/admin/jobs/recurring/trigger",
            new FormUrlEncodedContent([new("jobs[]", "ReminderSweepJob")]));

        Assert.False(answer.IsSuccessStatusCode, $"Triggered without a token: {answer.StatusCode}");
    }

    [Fact]
    public async Task TheProvinceLeader_SeesTheJobsWithoutButtons()
    {
        var leader = await PageSession.SignedIn(app, Procedure.Leader);

        var html = await leader.Html("/admin/jobs/recurring");

        Assert.Contains("ReminderSweepJob", html);
        Assert.DoesNotContain("data-url=\"/admin/jobs/recurring/trigger\"", html);
    }
}
