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

/// <summary>In-app notices: every move tells the next actors, the sweep reminds and escalates on the legal clock.</summary>
public sealed class NotificationTests(NtmApp app) : IClassFixture<NtmApp>
{
    private readonly Procedure procedure = new(app);

    [Fact]
    public async Task PublicComment_CannotCloseBeforeThePostingEnds_AndSaysWhen()
    {
        var commune = await app.NewCommune();
        app.Clock.Now = Notices.Vietnam(2026, 3, 2, 9);
        var dossier = await procedure.At(commune, "commune-public-comment");
        dossier = await procedure.ProvideDocuments(commune.Officer, dossier, "submit-to-district");
        Assert.Equal("2026-03-17", dossier.GetProperty("postingUntil").GetString());
        var submit = dossier.GetProperty("allowedActionDetails").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "submit-to-district");
        Assert.Equal("2026-03-18", submit.GetProperty("availableFrom").GetString());

        app.Clock.Now = Notices.Vietnam(2026, 3, 17, 23);
        var early = await procedure.Act(commune.Officer, dossier, "submit-to-district", new { vote = Procedure.PassingVote });
        var problem = await ProblemAssert.Is(HttpStatusCode.Conflict, early);
        Assert.Contains("17/03/2026", problem.GetProperty("detail").GetString());
        Assert.Contains("18/03/2026", problem.GetProperty("detail").GetString());
        Assert.Equal(dossier.GetProperty("version").GetInt32(), (await procedure.Get(commune.Officer, dossier)).GetProperty("version").GetInt32());

        app.Clock.Now = Notices.Vietnam(2026, 3, 18, 0);
        var submitted = await Procedure.Must(await procedure.Act(commune.Officer, dossier, "submit-to-district", new { vote = Procedure.PassingVote }));
        Assert.Equal("district-review", submitted.GetProperty("stage").GetString());
        Assert.Equal(JsonValueKind.Null, submitted.GetProperty("postingUntil").ValueKind);
    }

    [Fact]
    public async Task DuringThePosting_TheCommuneMayStillGoBackOrWithdraw()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.At(commune, "commune-public-comment");

        var back = await procedure.MustAct(commune.Officer, dossier, "reopen-self-assessment", new { comment = "Sửa số liệu tiêu chí 17" });

        Assert.Equal("self-assessment", back.GetProperty("stage").GetString());
    }

    [Fact]
    public async Task EveryMove_NotifiesTheNextActorsInScope_NotTheMoverNorOtherUnits()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.EnterDistrictReview(commune, Notices.Vietnam(2026, 3, 2, 9));

        var assigned = Assert.Single(await Notices.Of(app, Procedure.District, dossier));
        Assert.Equal("assigned", assigned.GetProperty("kind").GetString());
        Assert.Equal("district-review", assigned.GetProperty("stage").GetString());
        Assert.Contains(commune.Name, assigned.GetProperty("title").GetString());
        Assert.Contains("hết ngày 30/03/2026", assigned.GetProperty("body").GetString());
        Assert.Empty(await Notices.Of(app, "huyen.tracu", dossier));
        Assert.Empty(await Notices.Of(app, commune.Officer, dossier));

        dossier = await procedure.MustAct(Procedure.District, dossier, "reject", new { comment = "Tiêu chí 17 chưa đạt" });

        var outcome = Assert.Single(await Notices.Of(app, commune.Officer, dossier));
        Assert.Equal("outcome", outcome.GetProperty("kind").GetString());
        Assert.Contains("Không công nhận", outcome.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Notices_AreCountedAndMarkedRead_OnlyByTheirRecipient()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.EnterDistrictReview(commune, Notices.Vietnam(2026, 3, 2, 9));
        var district = await app.As(Procedure.District);
        var notice = Assert.Single(await Notices.Of(app, Procedure.District, dossier));
        var id = notice.GetProperty("id").GetInt64();
        var before = (await district.GetFromJsonAsync<JsonElement>("/api/notifications/unread-count")).GetProperty("unread").GetInt32();
        Assert.True(before >= 1);

        var stranger = await (await app.As(commune.Officer)).PostAsync($"/api/notifications/{id}/read", null);
        await ProblemAssert.Is(HttpStatusCode.NotFound, stranger);
        Assert.Equal(HttpStatusCode.NoContent, (await district.PostAsync($"/api/notifications/{id}/read", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await district.PostAsync($"/api/notifications/{id}/read", null)).StatusCode);

        var after = await district.GetFromJsonAsync<JsonElement>("/api/notifications/unread-count");
        Assert.Equal(before - 1, after.GetProperty("unread").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, Assert.Single(await Notices.Of(app, Procedure.District, dossier)).GetProperty("readAt").ValueKind);
        var unreadOnly = await district.GetFromJsonAsync<JsonElement>("/api/notifications?unreadOnly=true&pageSize=100");
        Assert.DoesNotContain(unreadOnly.GetProperty("items").EnumerateArray(), n => n.GetProperty("id").GetInt64() == id);
        await ProblemAssert.Is(HttpStatusCode.NotFound, await district.PostAsync("/api/notifications/999999999/read", null));

        var all = await Procedure.Must(await district.PostAsync("/api/notifications/read-all", null));
        Assert.Equal(before - 1, all.GetProperty("marked").GetInt32());
        Assert.Equal(0, (await district.GetFromJsonAsync<JsonElement>("/api/notifications/unread-count")).GetProperty("unread").GetInt32());
    }

    [Fact]
    public async Task TheNaturalKey_IsUniqueInTheDatabase()
    {
        var dossier = await procedure.EnterDistrictReview(await app.NewCommune(), Notices.Vietnam(2026, 3, 2, 9));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var id = Guid.Parse(Procedure.Id(dossier));
        var existing = await db.Notifications.AsNoTracking().SingleAsync(n => n.DossierId == id);

        db.Notifications.Add(new Notification(id, existing.StageRound, existing.Stage, existing.Kind,
            existing.RecipientId, existing.Day, "Bản sao", "Bản sao", awaitsDigest: false, DateTime.UtcNow));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Notifications_NeedSignInAndAValidPage()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/notifications")).StatusCode);
        var response = await (await app.As(Procedure.District)).GetAsync("/api/notifications?pageSize=1000");
        await ProblemAssert.Is(HttpStatusCode.BadRequest, response);
    }

    [Fact]
    public async Task Reminders_FallAtEachOffset_OncePerDay_AndEscalateToTheProvince()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.EnterDistrictReview(commune, Notices.Vietnam(2026, 3, 2, 9));

        await Notices.Sweep(app, Notices.Vietnam(2026, 3, 25, 6));
        Assert.Equal(["assigned"], await Notices.Kinds(app, Procedure.District, dossier));

        await Notices.Sweep(app, Notices.Vietnam(2026, 3, 25, 7));
        await Notices.Sweep(app, Notices.Vietnam(2026, 3, 25, 15));
        Assert.Equal(["assigned", "reminder"], await Notices.Kinds(app, Procedure.District, dossier));
        Assert.StartsWith("Còn 3 ngày làm việc", (await Notices.Of(app, Procedure.District, dossier))[0].GetProperty("title").GetString());

        await Notices.Sweep(app, Notices.Vietnam(2026, 3, 30, 8));
        await Notices.Sweep(app, Notices.Vietnam(2026, 3, 31, 8));
        await Notices.Sweep(app, Notices.Vietnam(2026, 4, 1, 8));
        Assert.Equal(["assigned", "reminder", "due", "overdue", "overdue"], await Notices.Kinds(app, Procedure.District, dossier));
        Assert.Empty(await Notices.Of(app, Procedure.Appraiser, dossier));

        await Notices.Sweep(app, Notices.Vietnam(2026, 4, 6, 8));
        var escalation = Assert.Single(await Notices.Of(app, Procedure.Appraiser, dossier));
        Assert.Equal("escalation", escalation.GetProperty("kind").GetString());
        Assert.Contains("quá hạn 5 ngày làm việc", escalation.GetProperty("title").GetString());
        Assert.Equal(["assigned", "reminder", "due", "overdue", "overdue", "overdue"], await Notices.Kinds(app, Procedure.District, dossier));
        Assert.Empty(await Notices.Kinds(app, "huyen.tracu", dossier));
        Assert.Empty(await Notices.Kinds(app, commune.Officer, dossier));
    }

    [Fact]
    public async Task ASweepOverADossierWhoseReminderTimeWasPutBack_WritesNoSecondNotice()
    {
        var dossier = await procedure.EnterDistrictReview(await app.NewCommune(), Notices.Vietnam(2026, 3, 2, 9));
        await Notices.Sweep(app, Notices.Vietnam(2026, 3, 25, 8));
        Assert.Equal(["assigned", "reminder"], await Notices.Kinds(app, Procedure.District, dossier));

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var id = Guid.Parse(Procedure.Id(dossier));
            await db.Dossiers.Where(d => d.Id == id).ExecuteUpdateAsync(d =>
                d.SetProperty(x => x.NextReminderAt, Notices.Vietnam(2026, 3, 25, 7).UtcDateTime));
        }
        await Notices.Sweep(app, Notices.Vietnam(2026, 3, 25, 9));
        await Notices.Sweep(app, Notices.Vietnam(2026, 3, 25, 9));

        Assert.Equal(["assigned", "reminder"], await Notices.Kinds(app, Procedure.District, dossier));
    }

    [Fact]
    public async Task AfterAServerOutage_OneCurrentReminderIsSent_NotEveryMissedOne()
    {
        var dossier = await procedure.EnterDistrictReview(await app.NewCommune(), Notices.Vietnam(2026, 3, 2, 9));

        await Notices.Sweep(app, Notices.Vietnam(2026, 4, 2, 10));

        Assert.Equal(["assigned", "overdue"], await Notices.Kinds(app, Procedure.District, dossier));
        Assert.StartsWith("Quá hạn 3 ngày làm việc", (await Notices.Of(app, Procedure.District, dossier))[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task OneSweepOverTwoDistricts_RemindsEachReviewerOfTheirOwnDossiersOnly()
    {
        var inHongNgu = await procedure.EnterDistrictReview(await app.NewCommune(), Notices.Vietnam(2026, 3, 2, 9));
        var inTraCu = await procedure.EnterDistrictReview(await app.NewCommune("tra-vinh.tra-cu"), Notices.Vietnam(2026, 3, 2, 9));

        await Notices.Sweep(app, Notices.Vietnam(2026, 4, 2, 10));

        Assert.Equal(["assigned", "overdue"], await Notices.Kinds(app, Procedure.District, inHongNgu));
        Assert.Equal(["assigned", "overdue"], await Notices.Kinds(app, "huyen.tracu", inTraCu));
        Assert.Empty(await Notices.Kinds(app, Procedure.District, inTraCu));
        Assert.Empty(await Notices.Kinds(app, "huyen.tracu", inHongNgu));
    }

    [Fact]
    public async Task ASweptNotice_IsStoredAsEveryOtherNotice()
    {
        var dossier = await procedure.EnterDistrictReview(await app.NewCommune(), Notices.Vietnam(2026, 3, 2, 9));
        var sweptAt = Notices.Vietnam(2026, 3, 25, 8);

        await Notices.Sweep(app, sweptAt);

        await using var scope = app.Services.CreateAsyncScope();
        var id = Guid.Parse(Procedure.Id(dossier));
        var reminder = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Notifications
            .SingleAsync(n => n.DossierId == id && n.Kind == NotificationKinds.Reminder);
        Assert.Equal(new DateOnly(2026, 3, 25), reminder.Day);
        Assert.Equal(sweptAt.UtcDateTime, reminder.CreatedAt);
        Assert.Equal(DateTimeKind.Utc, reminder.CreatedAt.Kind);
        Assert.Equal("district-review", reminder.Stage);
        Assert.Null(reminder.ReadAt);
        Assert.False(reminder.AwaitsDigest);
        Assert.Contains("hết ngày 30/03/2026", reminder.Body);
        var assigned = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Notifications
            .SingleAsync(n => n.DossierId == id && n.Kind == NotificationKinds.Assigned);
        Assert.Equal((assigned.RecipientId, assigned.StageRound), (reminder.RecipientId, reminder.StageRound));
    }

    [Fact]
    public async Task Reminders_StopTheMomentTheStageIsLeft()
    {
        var dossier = await procedure.EnterDistrictReview(await app.NewCommune(), Notices.Vietnam(2026, 3, 2, 9));
        await Notices.Sweep(app, Notices.Vietnam(2026, 3, 25, 8));
        app.Clock.Now = Notices.Vietnam(2026, 3, 26, 9);
        await procedure.MustAct(Procedure.District, dossier, "approve");

        foreach (var day in new[] { 27, 30, 31 })
        {
            await Notices.Sweep(app, Notices.Vietnam(2026, 3, day, 8));
        }
        await Notices.Sweep(app, Notices.Vietnam(2026, 4, 10, 8));

        Assert.Equal(["assigned", "reminder"], await Notices.Kinds(app, Procedure.District, dossier));
        Assert.Empty(await Notices.Of(app, Procedure.Appraiser, dossier));
    }

    [Fact]
    public async Task WhileReturnedForSupplement_NoReminder_AndTheResumedClockRemindsAgain()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.EnterDistrictReview(commune, Notices.Vietnam(2026, 3, 2, 9));
        app.Clock.Now = Notices.Vietnam(2026, 3, 9, 9);
        dossier = await procedure.MustAct(Procedure.District, dossier, "request-supplement", new { comment = "Bổ sung biên bản" });
        await Notices.Sweep(app, Notices.Vietnam(2026, 3, 16, 8));
        Assert.Equal(["assigned"], await Notices.Kinds(app, Procedure.District, dossier));
        Assert.Equal(["assigned"], await Notices.Kinds(app, commune.Officer, dossier));

        app.Clock.Now = Notices.Vietnam(2026, 3, 16, 9);
        await procedure.MustAct(commune.Officer, dossier, "resubmit");
        // 15 working days were left: the deadline is now 06/04, so "3 days before" falls on 01/04.
        await Notices.Sweep(app, Notices.Vietnam(2026, 3, 31, 8));
        Assert.Equal(["assigned", "assigned"], await Notices.Kinds(app, Procedure.District, dossier));
        await Notices.Sweep(app, Notices.Vietnam(2026, 4, 1, 8));
        Assert.Equal(["assigned", "assigned", "reminder"], await Notices.Kinds(app, Procedure.District, dossier));
    }
}

/// <summary>Reading a user's notices about one dossier, and running the reminder sweep at a given moment.</summary>
internal static class Notices
{
    public static DateTimeOffset Vietnam(int year, int month, int day, int hour) => new(year, month, day, hour, 0, 0, TimeSpan.FromHours(7));

    /// <summary>Newest first, as the API lists them.</summary>
    public static async Task<List<JsonElement>> Of(NtmApp app, string userName, JsonElement dossier)
    {
        var page = await (await app.As(userName)).GetFromJsonAsync<JsonElement>("/api/notifications?pageSize=100");
        return page.GetProperty("items").EnumerateArray().Where(n => n.GetProperty("dossierId").GetString() == Procedure.Id(dossier)).ToList();
    }

    /// <summary>Oldest first.</summary>
    public static async Task<List<string>> Kinds(NtmApp app, string userName, JsonElement dossier) =>
        (await Of(app, userName, dossier)).Select(n => n.GetProperty("kind").GetString()!).Reverse().ToList();

    public static async Task Sweep(NtmApp app, DateTimeOffset at)
    {
        app.Clock.Now = at;
        await app.RunJob(new SendReminders.Command());
    }
}
