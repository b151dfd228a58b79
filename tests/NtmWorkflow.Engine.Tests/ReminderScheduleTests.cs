using NtmWorkflow.Engine.Calendar;
using NtmWorkflow.Engine.Definitions;
using NtmWorkflow.Engine.Reminders;

namespace NtmWorkflow.Engine.Tests;

/// <summary>When reminders and escalations fall, on the official calendar, and what a sweep sends at each moment.</summary>
public sealed class ReminderScheduleTests
{
    private static readonly WorkingCalendar Calendar = Shipped.Calendar;
    private static readonly ReminderPolicy District = ReminderPolicy.Default(Roles.DistrictReviewer);

    /// <summary>Monday 02/03/2026 09:00 in Vietnam; 20 working days later is Monday 30/03.</summary>
    private static readonly DateTime Entered = Vietnam("2026-03-02 09:00");
    private static readonly DateOnly LastDay = Day("2026-03-30");

    [Fact]
    public void Occurrences_ForTheDefaultPolicy_FallOnWorkingDaysAroundTheLastDay()
    {
        var first = ReminderSchedule.Occurrences(District, LastDay, Calendar).Take(9).ToList();

        Assert.Equal(
            [
                new(ReminderKind.Before, Day("2026-03-25")),
                new(ReminderKind.Due, Day("2026-03-30")),
                new(ReminderKind.Overdue, Day("2026-03-31")),
                new(ReminderKind.Overdue, Day("2026-04-01")),
                new(ReminderKind.Overdue, Day("2026-04-02")),
                new(ReminderKind.Overdue, Day("2026-04-03")),
                new(ReminderKind.Escalation, Day("2026-04-06")),
                new(ReminderKind.Overdue, Day("2026-04-06")),
                new(ReminderKind.Overdue, Day("2026-04-07")),
            ],
            first);
    }

    [Fact]
    public void Occurrences_AcrossTet_SkipTheDaysOff()
    {
        // A 3-working-day stage entered Friday 13/02/2026, the working day before Tết Bính Ngọ, ends Wednesday 25/02.
        var last = Calendar.LastDay(Day("2026-02-13"), new TimeLimit(3, LimitUnit.WorkingDays));
        var policy = new ReminderPolicy([1], true, 1, new Escalation(2, Roles.ProvinceAppraiser));

        var first = ReminderSchedule.Occurrences(policy, last, Calendar).Take(5).ToList();

        Assert.Equal(Day("2026-02-25"), last);
        Assert.Equal(
            [
                new(ReminderKind.Before, Day("2026-02-24")),
                new(ReminderKind.Due, Day("2026-02-25")),
                new(ReminderKind.Overdue, Day("2026-02-26")),
                new(ReminderKind.Escalation, Day("2026-02-27")),
                new(ReminderKind.Overdue, Day("2026-02-27")),
            ],
            first);
    }

    [Fact]
    public void Occurrences_BeforeTheLastDay_CountAMakeUpSaturday() =>
        Assert.Equal(Day("2026-01-10"), ReminderSchedule.Occurrences(new ReminderPolicy([1], false, null, null), Day("2026-01-12"), Calendar).Single().Day);

    [Fact]
    public void Occurrences_WhenTheLastDayIsASunday_RemindOnTheFridayBefore() =>
        Assert.Equal(new ReminderOccurrence(ReminderKind.Due, Day("2026-03-06")),
            ReminderSchedule.Occurrences(new ReminderPolicy([], true, null, null), Day("2026-03-08"), Calendar).Single());

    [Fact]
    public void Occurrences_AcrossTheYearBoundary_SkipNewYearsDay() =>
        Assert.Equal(Day("2027-01-04"),
            ReminderSchedule.Occurrences(new ReminderPolicy([], false, 1, null), Day("2026-12-31"), Calendar).First().Day);

    [Fact]
    public void Occurrences_WithoutRepetition_EndAfterTheEscalation() =>
        Assert.Equal([ReminderKind.Before, ReminderKind.Due, ReminderKind.Escalation],
            ReminderSchedule.Occurrences(District with { OverdueEvery = null }, LastDay, Calendar).Select(o => o.Kind));

    [Fact]
    public void Occurrences_WhenTurnedOff_AreNone() =>
        Assert.Empty(ReminderSchedule.Occurrences(new ReminderPolicy([], false, null, null), LastDay, Calendar));

    [Theory]
    [InlineData("2026-03-02 09:00")]
    [InlineData("2026-03-24 23:59")]
    [InlineData("2026-03-25 06:59")]
    public void DueNow_BeforeTheFirstReminder_IsNothing(string now) =>
        Assert.Empty(ReminderSchedule.DueNow(District, LastDay, Entered, Vietnam(now), Calendar));

    [Theory]
    [InlineData("2026-03-25 07:00", ReminderKind.Before, "2026-03-25")]
    [InlineData("2026-03-27 15:00", ReminderKind.Before, "2026-03-25")]
    [InlineData("2026-03-30 07:00", ReminderKind.Due, "2026-03-30")]
    [InlineData("2026-03-31 07:00", ReminderKind.Overdue, "2026-03-31")]
    [InlineData("2026-04-03 18:00", ReminderKind.Overdue, "2026-04-03")]
    public void DueNow_AtEachOffset_IsTheLatestReminder(string now, ReminderKind kind, string day) =>
        Assert.Equal([new ReminderOccurrence(kind, Day(day))], ReminderSchedule.DueNow(District, LastDay, Entered, Vietnam(now), Calendar));

    [Fact]
    public void DueNow_OnceOverdueLongEnough_AddsTheEscalation() =>
        Assert.Equal(
            [new(ReminderKind.Overdue, Day("2026-04-06")), new(ReminderKind.Escalation, Day("2026-04-06"))],
            ReminderSchedule.DueNow(District, LastDay, Entered, Vietnam("2026-04-06 07:00"), Calendar));

    [Fact]
    public void DueNow_AfterAnOutage_CatchesUpWithOneCurrentReminderAndTheEscalation() =>
        Assert.Equal(
            [new(ReminderKind.Overdue, Day("2026-04-09")), new(ReminderKind.Escalation, Day("2026-04-06"))],
            ReminderSchedule.DueNow(District, LastDay, Entered, Vietnam("2026-04-09 10:00"), Calendar));

    [Fact]
    public void DueNow_LeavesOutRemindersOnOrBeforeTheDayTheStageWasEntered()
    {
        // Resumed on 26/03 with 2 working days left: the "3 days before" reminder (25/03) is already behind it.
        var resumed = Vietnam("2026-03-26 10:00");

        Assert.Empty(ReminderSchedule.DueNow(District, LastDay, resumed, Vietnam("2026-03-27 12:00"), Calendar));
        Assert.Equal(ReminderKind.Due, ReminderSchedule.DueNow(District, LastDay, resumed, Vietnam("2026-03-30 07:00"), Calendar).Single().Kind);
    }

    [Theory]
    [InlineData("2026-03-02 09:00", "2026-03-25 07:00")]
    [InlineData("2026-03-25 07:00", "2026-03-30 07:00")]
    [InlineData("2026-03-30 12:00", "2026-03-31 07:00")]
    [InlineData("2026-04-03 07:00", "2026-04-06 07:00")]
    public void NextAt_IsTheFirstReminderStrictlyLater(string now, string next) =>
        Assert.Equal(Vietnam(next), ReminderSchedule.NextAt(District, LastDay, Entered, Vietnam(now), Calendar));

    [Fact]
    public void NextAt_WhenNothingIsLeft_IsNull()
    {
        var once = new ReminderPolicy([3], true, null, null);

        Assert.Null(ReminderSchedule.NextAt(once, LastDay, Entered, Vietnam("2026-03-30 07:00"), Calendar));
        Assert.Null(ReminderSchedule.NextAt(new ReminderPolicy([], false, null, null), LastDay, Entered, Entered, Calendar));
    }

    [Fact]
    public void SendAt_IsSevenInTheMorningInVietnam() =>
        Assert.Equal(new DateTime(2026, 3, 25, 0, 0, 0, DateTimeKind.Utc), ReminderSchedule.SendAt(Day("2026-03-25")));

    private static DateOnly Day(string text) => DateOnly.Parse(text);

    private static DateTime Vietnam(string local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.Parse(local), WorkingCalendar.VietnamTime);
}
