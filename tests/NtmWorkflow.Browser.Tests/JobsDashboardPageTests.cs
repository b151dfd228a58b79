using Microsoft.Playwright;
using NtmWorkflow.Browser.Tests.Support;

namespace NtmWorkflow.Browser.Tests;

/// <summary>Hangfire's dashboard at /admin/jobs, reached from the administration pages, under the site's security headers.</summary>
[Collection(BrowserCollection.Name)]
public sealed class JobsDashboardPageTests(BrowserSuite suite)
{
    [BrowserFact]
    public async Task TheAdministrator_OpensTheJobs_FromTheAdministrationPages_AndTriggersOne()
    {
        var admin = await Official.SignInAsync(suite, "admin");
        await admin.OpenAsync("/Admin/Users");

        await admin.Page.GetByRole(AriaRole.Link, new() { Name = "Tác vụ nền" }).ClickAsync();
        await admin.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/admin/jobs"));
        // Its pages run under the site's security headers (relaxed there for inline style only).
        var refusedByPolicy = new List<string>();
        admin.Page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy"))
            {
                refusedByPolicy.Add(message.Text);
            }
        };
        await admin.OpenAsync("/admin/jobs/recurring");

        var sweep = admin.Page.Locator("tr", new() { HasText = "ReminderSweepJob" });
        await Assertions.Expect(sweep).ToBeVisibleAsync();
        await Assertions.Expect(admin.Page.Locator("tr", new() { HasText = "DailyDigestJob" })).ToBeVisibleAsync();
        // The dashboard's own script enables the buttons for the rows ticked, and posts with the antiforgery token.
        var trigger = admin.Page.Locator("button[data-url='/admin/jobs/recurring/trigger']");
        await Assertions.Expect(trigger).ToBeDisabledAsync();
        await sweep.Locator("input[type=checkbox]").CheckAsync();
        await Assertions.Expect(trigger).ToBeEnabledAsync();
        await trigger.ClickAsync();
        await admin.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        // The suite's application runs no server: the sweep waits in the queue.
        await Assertions.Expect(admin.Page.Locator("a[href='/admin/jobs/jobs/enqueued']").First).ToContainTextAsync("1");
        await admin.OpenAsync("/admin/jobs/recurring");
        await Assertions.Expect(sweep).Not.ToContainTextAsync("N/A");
        Assert.True(refusedByPolicy.Count == 0, string.Join("\n", refusedByPolicy));
    }

    [BrowserFact]
    public async Task ACommuneOfficer_IsRefused()
    {
        var officer = await Official.SignInAsync(suite, "xa.tanhoi");

        var answer = await officer.Page.GotoAsync("/admin/jobs");

        Assert.Equal("/AccessDenied", new Uri(officer.Page.Url).AbsolutePath);
        Assert.Equal(403, answer!.Status);
        await Assertions.Expect(officer.Page.Locator("tr", new() { HasText = "ReminderSweepJob" })).ToHaveCountAsync(0);
    }
}
