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
/// A stage declared <c>reminders: [..., { digest: true }]</c>: its reminders reach each official as one notice a day
/// counting the dossiers, not one notice per dossier; the counts add up across sweeps of the day, the e-mail goes once.
/// Each test has its own app, so that no other test's dossiers are counted.
/// </summary>
public sealed class ReminderDigestTests
{
    private const string Shipped = "reminders: [{ before: 3 }, { on-due: true }, { overdue-every: 1 }]";

    [Fact]
    public async Task DigestedReminders_AreOneNoticePerOfficialAndDay_CountingTheDossiers()
    {
        await using var app = new DigestApp();
        var procedure = new Procedure(app);
        await Outbox.SetEmail(app, Procedure.Appraiser, "thamdinh@dongthap.gov.vn", "daily-digest");
        var first = await procedure.EnterDistrictReview(await app.NewCommune(), Notices.Vietnam(2026, 3, 2, 9));
        var second = await procedure.EnterDistrictReview(await app.NewCommune(), Notices.Vietnam(2026, 3, 2, 9));

        await Notices.Sweep(app, Notices.Vietnam(2026, 3, 25, 8));
        await Notices.Sweep(app, Notices.Vietnam(2026, 3, 25, 15));

        var digest = Assert.Single(await Digests(app, Procedure.District));
        Assert.Equal(JsonValueKind.Null, digest.GetProperty("dossierId").ValueKind);
        Assert.Equal("Nhắc hạn ngày 25/03/2026: 2 hồ sơ", digest.GetProperty("title").GetString());
        Assert.StartsWith("2 hồ sơ sắp đến hạn.", digest.GetProperty("body").GetString());
        Assert.Equal(["assigned"], await Notices.Kinds(app, Procedure.District, first));
        Assert.Equal(["assigned"], await Notices.Kinds(app, Procedure.District, second));
        var page = new PageSession(app);
        await page.SignIn(Procedure.District);
        Assert.Contains("<a href=\"/\">Nhắc hạn ngày 25/03/2026: 2 hồ sơ</a><br />2 hồ sơ sắp đến hạn.", await page.Html("/Notifications"));

        await Notices.Sweep(app, Notices.Vietnam(2026, 4, 6, 8));

        var overdue = (await Digests(app, Procedure.District))[0];
        Assert.Equal("Nhắc hạn ngày 06/04/2026: 2 hồ sơ", overdue.GetProperty("title").GetString());
        Assert.StartsWith("2 hồ sơ quá hạn.", overdue.GetProperty("body").GetString());
        var escalated = Assert.Single(await Digests(app, Procedure.Appraiser));
        Assert.Contains("2 hồ sơ ở cấp dưới quá hạn, chuyển cấp tới bạn", escalated.GetProperty("body").GetString());
        Assert.Empty(await Notices.Of(app, Procedure.Appraiser, first));

        Assert.Equal(1, await app.RunJob(new SendDailyDigests.Command()));
        var mail = Assert.Single(await EmailsTo(app, "thamdinh@dongthap.gov.vn"));
        Assert.Contains("Nhắc hạn ngày 06/04/2026: 2 hồ sơ", mail.Body);
        Assert.Contains("Hồ sơ chờ bạn xử lý: https://ntm.dongthap.gov.vn/", mail.Body);
    }

    [Fact]
    public async Task ASecondSweepOfTheDay_AddsToTheDigest_AndMailsNoSecondTime()
    {
        await using var app = new DigestApp();
        var procedure = new Procedure(app);
        await Outbox.SetEmail(app, Procedure.District, "thamtra@hongngu.gov.vn", "immediate");
        await procedure.EnterDistrictReview(await app.NewCommune(), Notices.Vietnam(2026, 3, 2, 9));
        var later = await procedure.EnterDistrictReview(await app.NewCommune(), Notices.Vietnam(2026, 3, 2, 9));
        await PutNextReminder(app, later, Notices.Vietnam(2026, 3, 26, 7));

        await Notices.Sweep(app, Notices.Vietnam(2026, 3, 25, 8));
        Assert.Equal("Nhắc hạn ngày 25/03/2026: 1 hồ sơ", (await Digests(app, Procedure.District))[0].GetProperty("title").GetString());

        await PutNextReminder(app, later, Notices.Vietnam(2026, 3, 25, 7));
        await Notices.Sweep(app, Notices.Vietnam(2026, 3, 25, 9));

        var digest = Assert.Single(await Digests(app, Procedure.District));
        Assert.Equal("Nhắc hạn ngày 25/03/2026: 2 hồ sơ", digest.GetProperty("title").GetString());
        Assert.True(await app.RunJob(new DeliverEmails.Command()) >= 1);
        var mail = Assert.Single(app.Smtp.Received, m => m.Subject == "Nhắc hạn ngày 25/03/2026");
        Assert.Equal(["thamtra@hongngu.gov.vn"], mail.To);
        Assert.Contains("https://ntm.dongthap.gov.vn/", mail.Body);
    }

    [Fact]
    public async Task TheDatabase_KeepsOneDigestPerOfficialKindAndDay()
    {
        await using var app = new DigestApp();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var district = await db.Users.SingleAsync(u => u.UserName == Procedure.District);
        var row = new DigestRow(district.Id, new DateOnly(2026, 3, 25), "Nhắc hạn", 1, 0, 0, 0, false, null, null);
        var now = app.Clock.Now.UtcDateTime;

        await db.AddToDigestsAsync([row], now, CancellationToken.None);
        await db.AddToDigestsAsync([row with { Overdue = 4 }], now, CancellationToken.None);

        var stored = await db.Notifications.AsNoTracking().SingleAsync(n => n.RecipientId == district.Id && n.DossierId == null);
        Assert.Equal((2, 4, NotificationKinds.ReminderDigest), (stored.DigestBefore, stored.DigestOverdue, stored.Kind));
    }

    private static async Task<List<JsonElement>> Digests(NtmApp app, string userName)
    {
        var page = await (await app.As(userName)).GetFromJsonAsync<JsonElement>("/api/notifications?pageSize=100");
        return page.GetProperty("items").EnumerateArray()
            .Where(n => n.GetProperty("kind").GetString() == NotificationKinds.ReminderDigest).ToList();
    }

    private static async Task PutNextReminder(NtmApp app, JsonElement dossier, DateTimeOffset at)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var id = Guid.Parse(Procedure.Id(dossier));
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().Dossiers.Where(d => d.Id == id)
            .ExecuteUpdateAsync(d => d.SetProperty(x => x.NextReminderAt, at.UtcDateTime));
    }

    private static async Task<List<OutgoingEmail>> EmailsTo(NtmApp app, string address)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutgoingEmails.AsNoTracking()
            .Where(e => e.To == address).ToListAsync();
    }

    /// <summary>The shipped definitions with the district review's reminders digested, and e-mail over a test SMTP server.</summary>
    private sealed class DigestApp : MailApp
    {
        private readonly string workflows = DigestedWorkflows();

        protected override IEnumerable<KeyValuePair<string, string?>> MoreSettings => [new("Workflows:Folder", workflows)];

        private static string DigestedWorkflows()
        {
            var folder = AppOnFolder.CopyOfShippedWorkflows();
            var definition = Path.Combine(folder, "commune-ntm.yaml");
            var text = File.ReadAllText(definition);
            Assert.Contains(Shipped, text);
            File.WriteAllText(definition, text.Replace(Shipped, Shipped.Replace("]", ", { digest: true }]")));
            return folder;
        }
    }
}
