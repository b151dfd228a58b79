using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Features.Notifications;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>
/// Quartz for real, with its persistent store on the application's database: what was due while no server ran is
/// sent after a restart, and two servers on one database send each reminder once.
/// </summary>
public sealed class SchedulerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>
    /// An instance whose scheduler runs the sweep and the mail delivery every second; on PostgreSQL it joins the
    /// cluster of every instance on its database (the default there).
    /// </summary>
    private sealed class ScheduledApp(string databaseKey, bool keepDatabase, int? smtpPort = null, bool scheduler = true)
        : NtmApp(databaseKey, keepDatabase)
    {
        /// <summary>Quartz reads the application's clock: it has to move for triggers to come due.</summary>
        protected override bool ClockTicks => true;

        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [
            new("Scheduler:Enabled", scheduler.ToString()),
            new("Scheduler:ReminderSweepInterval", "00:00:01"),
            new("Scheduler:EmailDeliveryInterval", "00:00:01"),
            .. smtpPort is { } port
                ? new KeyValuePair<string, string?>[]
                {
                    new("Email:Host", "127.0.0.1"), new("Email:Port", port.ToString()), new("Email:Security", "None"),
                    new("Email:From", "ntm@dongthap.gov.vn"), new("Email:BaseUrl", "https://ntm.dongthap.gov.vn"),
                }
                : [],
        ];
    }

    [Fact]
    public async Task AReminderDueWhileTheServerWasDown_IsSentAfterRestart()
    {
        var key = Guid.NewGuid().ToString("N");
        JsonElement dossier;
        await using (var first = new ScheduledApp(key, keepDatabase: true))
        {
            dossier = await new Procedure(first).EnterDistrictReview(await first.NewCommune(), Notices.Vietnam(2026, 3, 2, 9));
        }
        // The sweep's trigger misses its firings while no server runs.
        await Task.Delay(TimeSpan.FromSeconds(3));

        await using var second = new ScheduledApp(key, keepDatabase: false);
        second.Clock.Now = Notices.Vietnam(2026, 3, 25, 8);
        _ = second.CreateClient();

        await Eventually(async () => (await Notices.Kinds(second, Procedure.District, dossier)).Contains("reminder"));
        Assert.Equal(["assigned", "reminder"], await Notices.Kinds(second, Procedure.District, dossier));
    }

    [Fact]
    public async Task TwoServersSweepingAtOnce_WriteAndMailEachReminderOnce()
    {
        var key = Guid.NewGuid().ToString("N");
        await using var smtp = new SmtpTestServer();
        await using var first = new ScheduledApp(key, keepDatabase: false, smtp.Port, scheduler: false);
        var dossier = await Remindable(first);
        await using var second = new ScheduledApp(key, keepDatabase: true, smtp.Port, scheduler: false);
        _ = second.Services;
        (first.Clock.Now, second.Clock.Now) = (Notices.Vietnam(2026, 3, 25, 8), Notices.Vietnam(2026, 3, 25, 8));

        await Task.WhenAll(Enumerable.Range(0, 4).SelectMany(_ => new[] { first, second }).Select(app => Task.Run(async () =>
        {
            await app.RunJob(new SendReminders.Command());
            await app.RunJob(new DeliverEmails.Command());
        })));
        await Task.WhenAll(first.RunJob(new DeliverEmails.Command()), second.RunJob(new DeliverEmails.Command()));

        await AssertRemindedOnce(first, smtp, dossier);
    }

    [Fact]
    public async Task TwoClusteredSchedulers_SendEachReminderOnce_OnPostgres_AndSqliteRefusesToCluster()
    {
        var key = Guid.NewGuid().ToString("N");
        await using var smtp = new SmtpTestServer();
        await using var first = new ScheduledApp(key, keepDatabase: false, smtp.Port);
        if (!first.OnPostgres)
        {
            await using var clustered = new ClusteredApp(key);
            Assert.Contains("PostgreSQL", Assert.Throws<InvalidOperationException>(() => clustered.CreateClient()).Message);
            return;
        }
        var dossier = await Remindable(first);
        await using var second = new ScheduledApp(key, keepDatabase: true, smtp.Port);
        second.Clock.Now = first.Clock.Now;
        _ = second.CreateClient();

        (first.Clock.Now, second.Clock.Now) = (Notices.Vietnam(2026, 3, 25, 8), Notices.Vietnam(2026, 3, 25, 8));

        await Eventually(() => Task.FromResult(smtp.Received.Any(m => Reminded(m, dossier))));
        // Both schedulers keep firing every second; give them time to repeat themselves.
        await Task.Delay(TimeSpan.FromSeconds(4));
        await AssertRemindedOnce(first, smtp, dossier);
    }

    private sealed class ClusteredApp(string databaseKey) : NtmApp(databaseKey, keepDatabase: true)
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
            [new("Scheduler:Enabled", "true"), new("Scheduler:Clustered", "true")];
    }

    /// <summary>A dossier in district review since 02/03/2026, whose reviewer takes e-mail at once: reminded on 25/03.</summary>
    private static async Task<JsonElement> Remindable(NtmApp app)
    {
        await Procedure.Must(await (await app.As(Procedure.District)).PutAsJsonAsync(
            "/api/me/notification-settings", new { email = "thamtra@hongngu.gov.vn", emailPreference = "immediate" }));
        return await new Procedure(app).EnterDistrictReview(await app.NewCommune(), Notices.Vietnam(2026, 3, 2, 9));
    }

    private static bool Reminded(ReceivedMail mail, JsonElement dossier) =>
        mail.Body.Contains(Procedure.Id(dossier)) && mail.Subject.StartsWith("Còn 3 ngày làm việc");

    private static async Task AssertRemindedOnce(NtmApp app, SmtpTestServer smtp, JsonElement dossier)
    {
        Assert.Single(smtp.Received, m => Reminded(m, dossier));
        Assert.Equal(["assigned", "reminder"], await Notices.Kinds(app, Procedure.District, dossier));
        await using var scope = app.Services.CreateAsyncScope();
        var id = Guid.Parse(Procedure.Id(dossier));
        var emails = await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutgoingEmails
            .Where(e => e.DossierId == id && e.Kind == NotificationKinds.Reminder).ToListAsync();
        Assert.Equal(EmailStatuses.Sent, Assert.Single(emails).Status);
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Not done within {Patience.TotalSeconds} s.");
            await Task.Delay(200);
        }
    }
}
