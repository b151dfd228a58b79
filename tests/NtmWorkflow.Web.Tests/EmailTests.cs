using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Features.Notifications;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>E-mail through a real SMTP conversation on loopback: immediate, daily digest, retry with back-off.</summary>
public sealed class EmailTests(MailApp app) : IClassFixture<MailApp>
{
    private readonly Procedure procedure = new(app);

    [Fact]
    public async Task ImmediateEmail_GoesOutOverSmtp_WithTheNoticeAndALink()
    {
        await Outbox.SetEmail(app, Procedure.District, "thamtra@hongngu.gov.vn", "immediate");
        var commune = await app.NewCommune();
        var dossier = await procedure.EnterDistrictReview(commune, Notices.Vietnam(2026, 3, 2, 9));

        Assert.True(await app.RunJob(new DeliverEmails.Command()) >= 1);

        var mail = Assert.Single(app.Smtp.Received, m => m.Body.Contains(Procedure.Id(dossier)));
        Assert.Equal(["thamtra@hongngu.gov.vn"], mail.To);
        Assert.Equal("ntm@dongthap.gov.vn", mail.From);
        Assert.Contains(commune.Name, mail.Subject);
        Assert.Contains("Thẩm tra cấp huyện", mail.Subject);
        Assert.Contains($"https://ntm.dongthap.gov.vn/dossiers/{Procedure.Id(dossier)}", mail.Body);
        Assert.Equal(("ntm-mailer", "mật-khẩu-thư"), app.Smtp.LastLogin);
        Assert.False(mail.OverTls);
        Assert.Equal(0, await app.RunJob(new DeliverEmails.Command()));
    }

    [Fact]
    public async Task WhenTheMailServerIsDown_TheMoveSucceeds_AndTheEmailIsRetriedWithBackoffUntilSent()
    {
        await Outbox.SetEmail(app, Procedure.District, "thamtra@hongngu.gov.vn", "immediate");
        app.Smtp.Stop();
        try
        {
            var dossier = await procedure.EnterDistrictReview(await app.NewCommune(), Notices.Vietnam(2026, 3, 2, 9));
            Assert.Equal("district-review", dossier.GetProperty("stage").GetString());

            Assert.Equal(0, await app.RunJob(new DeliverEmails.Command()));
            var first = await Outbox.About(app, dossier);
            Assert.Equal((EmailStatuses.Pending, 1), (first.Status, first.Attempts));
            Assert.Equal(app.Clock.Now.UtcDateTime.AddMinutes(1), first.NextAttemptAt);
            Assert.False(string.IsNullOrEmpty(first.LastError));

            await app.RunJob(new DeliverEmails.Command());
            Assert.Equal(1, (await Outbox.About(app, dossier)).Attempts);

            app.Clock.Now = app.Clock.Now.AddMinutes(1);
            await app.RunJob(new DeliverEmails.Command());
            var second = await Outbox.About(app, dossier);
            Assert.Equal((EmailStatuses.Pending, 2), (second.Status, second.Attempts));
            Assert.Equal(app.Clock.Now.UtcDateTime.AddMinutes(2), second.NextAttemptAt);

            app.Smtp.Start();
            app.Clock.Now = app.Clock.Now.AddMinutes(2);
            Assert.True(await app.RunJob(new DeliverEmails.Command()) >= 1);
            var sent = await Outbox.About(app, dossier);
            Assert.Equal((EmailStatuses.Sent, 3), (sent.Status, sent.Attempts));
            Assert.Single(app.Smtp.Received, m => m.Body.Contains(Procedure.Id(dossier)));
        }
        finally
        {
            app.Smtp.Stop();
            app.Smtp.Start();
        }
    }

    [Fact]
    public void Backoff_DoublesUpToAnHour() =>
        Assert.Equal([1, 2, 4, 8, 16, 32, 60, 60, 60],
            Enumerable.Range(1, 9).Select(a => (int)DeliverEmails.Backoff(a).TotalMinutes));

    [Fact]
    public async Task AReminderWhoseStageWasLeft_IsDroppedNotSent()
    {
        await Outbox.SetEmail(app, Procedure.District, "thamtra@hongngu.gov.vn", "immediate");
        var dossier = await procedure.EnterDistrictReview(await app.NewCommune(), Notices.Vietnam(2026, 3, 2, 9));
        await app.RunJob(new DeliverEmails.Command());
        app.Smtp.Stop();
        try
        {
            await Notices.Sweep(app, Notices.Vietnam(2026, 3, 25, 7));
            await app.RunJob(new DeliverEmails.Command());
            app.Clock.Now = Notices.Vietnam(2026, 3, 25, 9);
            await procedure.MustAct(Procedure.District, dossier, "approve");
        }
        finally
        {
            app.Smtp.Start();
        }
        app.Clock.Now = Notices.Vietnam(2026, 3, 25, 10);

        await app.RunJob(new DeliverEmails.Command());

        Assert.Equal(EmailStatuses.Dropped, (await Outbox.About(app, dossier, NotificationKinds.Reminder)).Status);
        Assert.DoesNotContain(app.Smtp.Received, m => m.Body.Contains(Procedure.Id(dossier)) && m.Subject.StartsWith("Còn 3 ngày"));
    }

    [Fact]
    public async Task SweptReminders_MailImmediateRecipientsOnce_WaitForTheDigest_OrStayQuietWhenOff()
    {
        await Outbox.SetEmail(app, Procedure.District, "thamtra@hongngu.gov.vn", "immediate");
        var dossier = await procedure.EnterDistrictReview(await app.NewCommune(), Notices.Vietnam(2026, 3, 2, 9));
        await Notices.Sweep(app, Notices.Vietnam(2026, 3, 25, 8));
        await PutBackNextReminder(dossier, Notices.Vietnam(2026, 3, 25, 7));
        await Notices.Sweep(app, Notices.Vietnam(2026, 3, 25, 9));

        var mailed = await Outbox.About(app, dossier, NotificationKinds.Reminder);
        Assert.Equal(("thamtra@hongngu.gov.vn", EmailStatuses.Pending), (mailed.To, mailed.Status));
        Assert.StartsWith("Còn 3 ngày làm việc", mailed.Subject);
        Assert.Contains($"https://ntm.dongthap.gov.vn/dossiers/{Procedure.Id(dossier)}", mailed.Body);

        await Outbox.SetEmail(app, Procedure.District, "thamtra@hongngu.gov.vn", "daily-digest");
        await Notices.Sweep(app, Notices.Vietnam(2026, 3, 30, 8));
        await Outbox.SetEmail(app, Procedure.District, "thamtra@hongngu.gov.vn", "off");
        await Notices.Sweep(app, Notices.Vietnam(2026, 3, 31, 8));
        await Outbox.SetEmail(app, Procedure.District, "thamtra@hongngu.gov.vn", "immediate");

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var id = Guid.Parse(Procedure.Id(dossier));
        var digest = await db.Notifications.Where(n => n.DossierId == id && n.Kind != NotificationKinds.Assigned)
            .OrderBy(n => n.Day).Select(n => new { n.Kind, n.AwaitsDigest }).ToListAsync();
        Assert.Equal([(NotificationKinds.Reminder, false), (NotificationKinds.Due, true), (NotificationKinds.Overdue, false)],
            digest.Select(n => (n.Kind, n.AwaitsDigest)));
        Assert.Equal([NotificationKinds.Reminder],
            await db.OutgoingEmails.Where(e => e.DossierId == id && e.Kind != NotificationKinds.Assigned).Select(e => e.Kind!).ToListAsync());
    }

    private async Task PutBackNextReminder(JsonElement dossier, DateTimeOffset at)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var id = Guid.Parse(Procedure.Id(dossier));
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().Dossiers.Where(d => d.Id == id)
            .ExecuteUpdateAsync(d => d.SetProperty(x => x.NextReminderAt, at.UtcDateTime));
    }

    [Fact]
    public async Task DailyDigest_CollectsTheDaysNotices_IntoOneEmailSentOnce()
    {
        var commune = await app.NewCommune();
        await Outbox.SetEmail(app, commune.Officer, "vanthu@xa.gov.vn", "daily-digest");
        var dossier = await procedure.EnterDistrictReview(commune, Notices.Vietnam(2026, 3, 2, 9));
        dossier = await procedure.MustAct(Procedure.District, dossier, "request-supplement", new { comment = "Bổ sung biên bản" });
        dossier = await procedure.MustAct(commune.Officer, dossier, "resubmit");
        await procedure.MustAct(Procedure.District, dossier, "reject", new { comment = "Tiêu chí 17 chưa đạt" });
        await app.RunJob(new DeliverEmails.Command());
        Assert.DoesNotContain(app.Smtp.Received, m => m.To.Contains("vanthu@xa.gov.vn"));

        Assert.True(await app.RunJob(new SendDailyDigests.Command()) >= 1);
        await app.RunJob(new DeliverEmails.Command());
        Assert.Equal(0, await app.RunJob(new SendDailyDigests.Command()));

        var digest = Assert.Single(app.Smtp.Received, m => m.To.Contains("vanthu@xa.gov.vn"));
        Assert.StartsWith("Tổng hợp thông báo ngày", digest.Subject);
        Assert.Contains("Xã bổ sung hồ sơ", digest.Body);
        Assert.Contains("Không công nhận", digest.Body);
        Assert.Contains(Procedure.Id(dossier), digest.Body);
        Assert.Equal(2, Count(digest.Body, "\n• "));
    }

    [Fact]
    public async Task Settings_AreReadAndChanged_AndBadValuesRefused()
    {
        var commune = await app.NewCommune();
        var client = await app.As(commune.Officer);
        var initial = await client.GetFromJsonAsync<JsonElement>("/api/me/notification-settings");
        Assert.Equal("immediate", initial.GetProperty("emailPreference").GetString());

        var weekly = await client.PutAsJsonAsync("/api/me/notification-settings", new { email = "a@b.vn", emailPreference = "weekly" });
        Assert.Equal("emailPreference", (await ProblemAssert.Is(HttpStatusCode.BadRequest, weekly)).GetProperty("errors").EnumerateObject().Single().Name);
        var badAddress = await client.PutAsJsonAsync("/api/me/notification-settings", new { email = "không phải thư", emailPreference = "off" });
        Assert.Equal("email", (await ProblemAssert.Is(HttpStatusCode.BadRequest, badAddress)).GetProperty("errors").EnumerateObject().Single().Name);

        var changed = await Procedure.Must(await client.PutAsJsonAsync("/api/me/notification-settings", new { email = "a@b.vn", emailPreference = "off" }));
        Assert.Equal("off", changed.GetProperty("emailPreference").GetString());
        Assert.Equal("a@b.vn", (await client.GetFromJsonAsync<JsonElement>("/api/me/notification-settings")).GetProperty("email").GetString());
    }

    private static int Count(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;
}
