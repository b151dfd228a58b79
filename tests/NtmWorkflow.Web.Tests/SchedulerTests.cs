using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hangfire;
using Hangfire.Common;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Jobs;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>
/// Hangfire for real, with its persistent storage (the application's PostgreSQL database, or the SQLite file beside
/// the application's): what was due while no server ran is sent after a restart, two servers on one database send
/// each reminder once, and several workers on the storage run each job once.
/// </summary>
public sealed class SchedulerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);

    /// <summary>An instance whose Hangfire server looks for due jobs every second.</summary>
    private sealed class ScheduledApp(
        string databaseKey, bool keepDatabase, int? smtpPort = null, bool scheduler = true, string every = "00:00:01", int workers = 4)
        : NtmApp(databaseKey, keepDatabase)
    {
        /// <summary>The handlers read the application's clock: set to a later day, it has to run on from there.</summary>
        protected override bool ClockTicks => true;

        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [
            new("Scheduler:Enabled", scheduler.ToString()),
            new("Scheduler:ReminderSweepInterval", every),
            new("Scheduler:EmailDeliveryInterval", every),
            new("Scheduler:PollingInterval", "00:00:01"),
            new("Scheduler:WorkerCount", workers.ToString()),
            .. smtpPort is { } port
                ? new KeyValuePair<string, string?>[]
                {
                    new("Email:Host", "127.0.0.1"), new("Email:Port", port.ToString()), new("Email:Security", "None"),
                    new("Email:From", "ntm@dongthap.gov.vn"), new("Email:BaseUrl", "https://ntm.dongthap.gov.vn"),
                }
                : [],
        ];

        public JobStorage Storage => Services.GetRequiredService<JobStorage>();
    }

    [Fact]
    public async Task ASweepDueWhileTheServerWasDown_RunsOnceOnReturn()
    {
        var key = Guid.NewGuid().ToString("N");
        JsonElement dossier;
        await using (var first = new ScheduledApp(key, keepDatabase: true, every: "01:00:00"))
        {
            dossier = await new Procedure(first).EnterDistrictReview(await first.NewCommune(), Notices.Vietnam(2026, 3, 2, 9));
        }
        // What the storage holds after a sweep three hours ago and a server down for the two hours since.
        await using (var down = new ScheduledApp(key, keepDatabase: true, scheduler: false, every: "01:00:00"))
        {
            var lastRun = DateTime.UtcNow.AddHours(-3);
            using var connection = down.Storage.GetConnection();
            using var write = connection.CreateWriteTransaction();
            write.SetRangeInHash($"recurring-job:{nameof(ReminderSweepJob)}", new Dictionary<string, string>
            {
                ["LastExecution"] = JobHelper.SerializeDateTime(lastRun),
                ["NextExecution"] = JobHelper.SerializeDateTime(lastRun.AddHours(1)),
            });
            write.AddToSet("recurring-jobs", nameof(ReminderSweepJob), JobHelper.ToTimestamp(lastRun.AddHours(1)));
            write.Commit();
        }

        await using var second = new ScheduledApp(key, keepDatabase: false, every: "01:00:00");
        second.Clock.Now = Notices.Vietnam(2026, 3, 25, 8);
        _ = second.CreateClient();

        await Eventually(async () => (await Notices.Kinds(second, Procedure.District, dossier)).Contains("reminder"));
        // Two missed hours, one run: the next is at the coming hour.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(1, Runs<ReminderSweepJob>(second.Storage));
        Assert.Equal(["assigned", "reminder"], await Notices.Kinds(second, Procedure.District, dossier));
        using var storage = second.Storage.GetConnection();
        var next = JobHelper.DeserializeDateTime(storage.GetAllEntriesFromHash($"recurring-job:{nameof(ReminderSweepJob)}")["NextExecution"]);
        Assert.True(next > DateTime.UtcNow, $"The next sweep is due at {next:O}, in the past.");
    }

    [Fact]
    public async Task TwoServersOnOneDatabase_WriteAndMailEachReminderOnce()
    {
        var key = Guid.NewGuid().ToString("N");
        await using var smtp = new SmtpTestServer();
        await using var first = new ScheduledApp(key, keepDatabase: false, smtp.Port);
        var dossier = await Remindable(first);
        await using var second = new ScheduledApp(key, keepDatabase: true, smtp.Port);
        _ = second.CreateClient();

        (first.Clock.Now, second.Clock.Now) = (Notices.Vietnam(2026, 3, 25, 8), Notices.Vietnam(2026, 3, 25, 8));

        await Eventually(() => Task.FromResult(smtp.Received.Any(m => Reminded(m, dossier))));
        // Both servers keep sweeping and delivering every second; give them time to repeat themselves.
        await Task.Delay(TimeSpan.FromSeconds(4));
        await AssertRemindedOnce(first, smtp, dossier);
        Assert.Equal(2, first.Storage.GetMonitoringApi().Servers().Count);
    }

    [Fact]
    public async Task TwoCommandsSentAtOnceFromTwoInstances_WriteAndMailEachReminderOnce()
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
            await app.RunJob(new Features.Notifications.SendReminders.Command());
            await app.RunJob(new Features.Notifications.DeliverEmails.Command());
        })));
        await Task.WhenAll(first.RunJob(new Features.Notifications.DeliverEmails.Command()),
            second.RunJob(new Features.Notifications.DeliverEmails.Command()));

        await AssertRemindedOnce(first, smtp, dossier);
    }

    /// <summary>
    /// Eight workers on the storage (SQLite's file by default), the recurring jobs firing every second beside them:
    /// each of many queued jobs runs once, a job that must not overlap itself never does (its copies that meet it
    /// running are skipped), no run fails on a storage lock, and the application stays healthy.
    /// </summary>
    [Fact]
    public async Task ManyWorkers_RunEachJobOnce_NeverOverlapAJob_AndNoRunFails()
    {
        await using var app = new ScheduledApp(Guid.NewGuid().ToString("N"), keepDatabase: false, workers: 8);
        _ = app.CreateClient();
        var jobs = app.Services.GetRequiredService<IBackgroundJobClient>();
        var batch = Guid.NewGuid().ToString("N");

        var counted = Enumerable.Range(0, 40).Select(i => jobs.Enqueue<CountingJob>(job => job.Count($"{batch}-{i}"))).ToList();
        var slow = Enumerable.Range(0, 12).Select(_ => jobs.Enqueue<SlowJob>(job => job.Work(batch))).ToList();

        var monitor = app.Storage.GetMonitoringApi();
        string[] States(string id) => monitor.JobDetails(id).History.Select(h => h.StateName).ToArray();
        await Eventually(() => Task.FromResult(counted.Concat(slow).All(id => States(id).Intersect(["Succeeded", "Deleted"]).Any())),
            () => string.Join(", ", counted.Concat(slow).Select(id => id + ":" + string.Join("/", States(id)))));
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.All(Enumerable.Range(0, 40), i => Assert.Equal(1, CountingJob.Runs.GetValueOrDefault($"{batch}-{i}")));
        Assert.All(counted, id => Assert.Equal(["Succeeded", "Processing", "Enqueued"], States(id)));
        // A copy of the slow job that met another running was skipped (deleted, with the filter named as the reason).
        Assert.Equal(1, SlowJob.MostAtOnce.GetValueOrDefault(batch));
        var ran = slow.Count(id => States(id)[0] == "Succeeded");
        Assert.Equal(SlowJob.Started.GetValueOrDefault(batch), ran);
        Assert.All(slow.Where(id => States(id)[0] != "Succeeded"), id => Assert.Contains(nameof(SkipWhileRunningAttribute),
            monitor.JobDetails(id).History[0].Reason));
        Assert.Equal(0, monitor.FailedCount());
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().GetAsync("/health")).StatusCode);
    }

    [Theory]
    [InlineData("00:00:01", "*/1 * * * * *")]
    [InlineData("00:00:15", "*/15 * * * * *")]
    [InlineData("00:05:00", "*/5 * * * *")]
    [InlineData("01:00:00", "0 */1 * * *")]
    [InlineData("06:00:00", "0 */6 * * *")]
    [InlineData("1.00:00:00", "0 0 * * *")]
    public void AnIntervalThatDividesAMinuteAnHourOrADay_IsACron(string interval, string cron) =>
        Assert.Equal(cron, SchedulerSetup.EveryCron(TimeSpan.Parse(interval)));

    [Theory]
    [InlineData("00:00:07")]
    [InlineData("00:07:00")]
    [InlineData("05:00:00")]
    [InlineData("00:01:30")]
    public void AnIntervalThatDoesNot_IsRefusedAtStart(string interval) =>
        Assert.Contains("Scheduler", Assert.Throws<InvalidOperationException>(() => SchedulerSetup.EveryCron(TimeSpan.Parse(interval))).Message);

    /// <summary>Counts its runs per key.</summary>
    public sealed class CountingJob
    {
        public static readonly ConcurrentDictionary<string, int> Runs = new();

        public void Count(string key) => Runs.AddOrUpdate(key, 1, (_, runs) => runs + 1);
    }

    /// <summary>A job that must not overlap itself, slow enough for its queued copies to meet it running.</summary>
    [SkipWhileRunning]
    public sealed class SlowJob
    {
        public static readonly ConcurrentDictionary<string, int> Started = new();
        public static readonly ConcurrentDictionary<string, int> MostAtOnce = new();
        private static readonly ConcurrentDictionary<string, int> Running = new();

        public async Task Work(string batch)
        {
            Started.AddOrUpdate(batch, 1, (_, n) => n + 1);
            var now = Running.AddOrUpdate(batch, 1, (_, n) => n + 1);
            MostAtOnce.AddOrUpdate(batch, now, (_, most) => Math.Max(most, now));
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            Running.AddOrUpdate(batch, 0, (_, n) => n - 1);
        }
    }

    private static int Runs<TJob>(JobStorage storage) =>
        storage.GetMonitoringApi().SucceededJobs(0, 1000).Count(job => job.Value.Job?.Type == typeof(TJob));

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

    private static async Task Eventually(Func<Task<bool>> condition, Func<string>? state = null)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Not done within {Patience.TotalSeconds} s. {state?.Invoke()}");
            await Task.Delay(200);
        }
    }
}
