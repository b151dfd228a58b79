using System.Net.Http.Json;
using System.Text.Json;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>The statutory clock: working days left, overdue, and the pause while a dossier is returned for supplement.</summary>
public sealed class DeadlineTests(NtmApp app) : IClassFixture<NtmApp>
{
    private readonly Procedure procedure = new(app);

    private static DateTimeOffset VietnamMorning(int year, int month, int day) => new(year, month, day, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ReturnForSupplement_StopsTheClock_AndResubmissionResumesWithTheTimeLeft()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.EnterDistrictReview(commune, VietnamMorning(2026, 3, 2));
        Assert.Equal(20, dossier.GetProperty("workingDaysLeft").GetInt32());

        app.Clock.Now = VietnamMorning(2026, 3, 9);
        dossier = await procedure.Get(Procedure.District, dossier);
        Assert.Equal(15, dossier.GetProperty("workingDaysLeft").GetInt32());
        dossier = await procedure.MustAct(Procedure.District, dossier, "request-supplement", new { comment = "Bổ sung biên bản" });

        app.Clock.Now = VietnamMorning(2026, 3, 16);
        dossier = await procedure.MustAct(commune.Officer, dossier, "resubmit");

        // 15 working days after Monday 16/03/2026: 17–31 March give 11, then 1, 2, 3 and 6 April.
        Assert.Equal(new DateTime(2026, 4, 6, 16, 59, 59, DateTimeKind.Utc), dossier.GetProperty("dueAt").GetDateTime().ToUniversalTime());
        Assert.Equal(15, dossier.GetProperty("workingDaysLeft").GetInt32());
        var timeline = (await procedure.Timeline(Procedure.District, dossier)).EnumerateArray().ToList();
        var pause = timeline.Single(e => e.GetProperty("action").GetString() == "request-supplement");
        Assert.Equal(15, pause.GetProperty("clockPausedWithRemaining").GetInt32());
        var resume = timeline.Last(e => e.GetProperty("action").GetString() == "resubmit");
        Assert.Equal(dossier.GetProperty("dueAt").GetDateTime(), resume.GetProperty("dueAt").GetDateTime());
    }

    [Fact]
    public async Task DeadlineAcrossTet_SkipsTheHolidays()
    {
        var dossier = await procedure.EnterDistrictReview(await app.NewCommune(), VietnamMorning(2026, 2, 13));
        // From Friday 13/02/2026: Tết Bính Ngọ 14–22/02 is skipped; the 20th working day is Friday 20/03.
        Assert.Equal(new DateTime(2026, 3, 20, 16, 59, 59, DateTimeKind.Utc), dossier.GetProperty("dueAt").GetDateTime().ToUniversalTime());
    }

    [Fact]
    public async Task PastTheDeadline_IsOverdueWithNoDaysLeft_InTheDossierAndTheTaskList()
    {
        var dossier = await procedure.EnterDistrictReview(await app.NewCommune(), VietnamMorning(2026, 3, 2));
        app.Clock.Now = VietnamMorning(2026, 4, 1);

        var view = await procedure.Get(Procedure.District, dossier);
        Assert.True(view.GetProperty("overdue").GetBoolean());
        Assert.Equal(0, view.GetProperty("workingDaysLeft").GetInt32());
        var tasks = await (await app.As(Procedure.District)).GetFromJsonAsync<JsonElement>("/api/tasks?pageSize=100");
        var task = tasks.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == Procedure.Id(dossier));
        Assert.True(task.GetProperty("overdue").GetBoolean());
        Assert.Equal(0, task.GetProperty("workingDaysLeft").GetInt32());
    }

    [Fact]
    public async Task DeadlineInAProvisionalYear_IsFlagged()
    {
        var dossier = await procedure.EnterDistrictReview(await app.NewCommune(), VietnamMorning(2026, 12, 14));
        Assert.Equal(2027, dossier.GetProperty("dueAt").GetDateTime().Year);
        Assert.True(dossier.GetProperty("dueAtProvisional").GetBoolean());

        var official = await procedure.EnterDistrictReview(await app.NewCommune(), VietnamMorning(2026, 3, 2));
        Assert.False(official.GetProperty("dueAtProvisional").GetBoolean());
    }

    [Fact]
    public async Task ADeadlineAcrossTheCultureDay_IsFlagged_UntilThatDayHasPassed()
    {
        var dossier = await procedure.EnterDistrictReview(await app.NewCommune(), VietnamMorning(2026, 11, 2));
        Assert.Equal(12, dossier.GetProperty("dueAt").GetDateTime().Month);
        Assert.True(dossier.GetProperty("dueAtProvisional").GetBoolean());

        app.Clock.Now = VietnamMorning(2026, 11, 25);
        var later = await procedure.Get(Procedure.District, dossier);
        Assert.False(later.GetProperty("dueAtProvisional").GetBoolean());
    }
}
