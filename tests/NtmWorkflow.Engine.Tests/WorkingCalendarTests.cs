using NtmWorkflow.Engine.Calendar;
using NtmWorkflow.Engine.Definitions;

namespace NtmWorkflow.Engine.Tests;

/// <summary>The working-day calendar against the official 2025 and 2026 schedules of the spec.</summary>
public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Calendar = Shipped.Calendar;

    [Theory]
    [InlineData("2026-01-01", false)] // Tết Dương lịch
    [InlineData("2026-01-02", false)] // Friday, swapped
    [InlineData("2026-01-05", true)]
    [InlineData("2026-01-10", true)] // make-up Saturday
    [InlineData("2026-01-17", false)] // ordinary Saturday
    [InlineData("2026-02-13", true)]
    [InlineData("2026-02-16", false)] // Tết Bính Ngọ
    [InlineData("2026-02-20", false)]
    [InlineData("2026-02-23", true)]
    [InlineData("2026-04-27", false)] // Giỗ Tổ, moved from Sunday
    [InlineData("2026-04-30", false)]
    [InlineData("2026-05-01", false)]
    [InlineData("2026-05-04", true)]
    [InlineData("2026-08-22", true)] // make-up Saturday
    [InlineData("2026-08-31", false)]
    [InlineData("2026-09-02", false)]
    [InlineData("2026-09-03", true)]
    [InlineData("2026-11-24", false)] // Ngày Văn hóa Việt Nam
    [InlineData("2025-01-27", false)] // Tết Ất Tỵ
    [InlineData("2025-04-07", false)] // Giỗ Tổ
    [InlineData("2025-04-26", true)] // make-up Saturday
    [InlineData("2025-05-02", false)]
    [InlineData("2025-09-01", false)]
    [InlineData("2025-09-03", true)]
    public void IsWorkingDay_FollowsTheOfficialSchedule(string day, bool working) =>
        Assert.Equal(working, Calendar.IsWorkingDay(DateOnly.Parse(day)));

    [Theory]
    [InlineData("2026-03-02", 20, "2026-03-30")]
    [InlineData("2026-02-12", 1, "2026-02-13")]
    [InlineData("2026-02-13", 1, "2026-02-23")] // weekend and Tết skipped
    [InlineData("2026-01-09", 1, "2026-01-10")] // the make-up Saturday counts
    [InlineData("2025-12-31", 1, "2026-01-05")] // across the year boundary and New Year
    [InlineData("2026-04-24", 3, "2026-05-04")] // Giỗ Tổ, 30/4 and 1/5 skipped
    [InlineData("2026-11-23", 1, "2026-11-25")]
    [InlineData("2026-03-07", 1, "2026-03-09")] // starting on a Saturday
    [InlineData("2026-03-02", 0, "2026-03-02")]
    public void AddWorkingDays_CountsOnlyWorkingDaysAfterTheStart(string start, int count, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), Calendar.AddWorkingDays(DateOnly.Parse(start), count));

    [Theory]
    [InlineData("2026-03-09", "2026-03-30", 15)]
    [InlineData("2026-02-13", "2026-02-23", 1)]
    [InlineData("2026-03-30", "2026-03-30", 0)]
    [InlineData("2026-03-31", "2026-03-30", 0)]
    [InlineData("2026-01-09", "2026-01-12", 2)]
    public void WorkingDaysBetween_CountsWorkingDaysAfterTheFirstUpToTheLast(string from, string to, int expected) =>
        Assert.Equal(expected, Calendar.WorkingDaysBetween(DateOnly.Parse(from), DateOnly.Parse(to)));

    [Theory]
    [InlineData(LimitUnit.WorkingDays, 15)]
    [InlineData(LimitUnit.Days, 21)]
    public void Remaining_IsCountedInTheLimitsOwnUnit(LimitUnit unit, int expected)
    {
        var now = new DateTime(2026, 3, 9, 2, 0, 0, DateTimeKind.Utc);
        var due = new DateTime(2026, 3, 30, 16, 59, 59, DateTimeKind.Utc);
        Assert.Equal(expected, Calendar.Remaining(now, due, unit));
        Assert.Equal(0, Calendar.Remaining(due.AddHours(1), due, unit));
    }

    [Theory]
    [InlineData("2027-03-01", true)]
    [InlineData("2026-12-31", false)]
    [InlineData("2025-06-02", false)]
    public void IsProvisional_IsTrueInAnEstimatedYearOnly(string day, bool provisional) =>
        Assert.Equal(provisional, Calendar.IsProvisional(DateOnly.Parse(day)));

    [Theory]
    [InlineData("2026-11-20", "2026-11-30", true)]
    [InlineData("2026-11-23", "2026-11-24", true)]
    [InlineData("2026-11-24", "2026-11-30", false)]
    [InlineData("2026-11-02", "2026-11-23", false)]
    [InlineData("2026-03-02", "2026-03-30", false)]
    [InlineData("2026-12-20", "2027-01-11", true)]
    public void IsProvisionalBetween_FlagsAPendingDayOffOrAnEstimatedYear(string from, string to, bool provisional) =>
        Assert.Equal(provisional, Calendar.IsProvisionalBetween(DateOnly.Parse(from), DateOnly.Parse(to)));

    [Fact]
    public void TheCultureDay_IsADayOffWhoseBasisIsPending()
    {
        var year = Calendar.Years.Single(y => y.Year == 2026);

        Assert.False(year.Provisional);
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 11, 24)));
        Assert.Contains("80-NQ/TW", year.ProvisionalDays[new DateOnly(2026, 11, 24)]);
        Assert.Single(year.ProvisionalDays);
    }

    [Fact]
    public void AddWorkingDays_WithANegativeCount_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(new DateOnly(2026, 3, 2), -1));

    [Fact]
    public void DueAt_ForWorkingDays_IsTheCloseOfTheLastDayInVietnam()
    {
        var start = new DateTime(2026, 3, 2, 2, 0, 0, DateTimeKind.Utc); // 09:00 in Vietnam
        Assert.Equal(new DateTime(2026, 3, 30, 16, 59, 59, DateTimeKind.Utc), Calendar.DueAt(start, new TimeLimit(20, LimitUnit.WorkingDays)));
    }

    [Fact]
    public void DueAt_CountsFromTheVietnameseDate_NotTheUtcDate()
    {
        var lateSundayUtc = new DateTime(2026, 3, 1, 20, 0, 0, DateTimeKind.Utc); // already Monday 03:00 in Vietnam
        Assert.Equal(new DateTime(2026, 3, 3, 16, 59, 59, DateTimeKind.Utc), Calendar.DueAt(lateSundayUtc, new TimeLimit(1, LimitUnit.WorkingDays)));
    }

    [Fact]
    public void DueAt_ForCalendarDays_IgnoresWeekendsAndHolidays()
    {
        var start = new DateTime(2026, 2, 10, 2, 0, 0, DateTimeKind.Utc);
        Assert.Equal(new DateTime(2026, 2, 25, 16, 59, 59, DateTimeKind.Utc), Calendar.DueAt(start, new TimeLimit(15, LimitUnit.Days)));
    }

    [Fact]
    public void AddWorkingDays_BeyondTheLoadedYears_IsAnErrorNamingTheYear()
    {
        var error = Assert.Throws<CalendarException>(() => Calendar.AddWorkingDays(new DateOnly(2027, 12, 20), 20));
        Assert.Contains("2028", error.Message);
    }

    [Fact]
    public void Years_AreTheShippedOnes_WithTheirSources()
    {
        Assert.Equal([2025, 2026, 2027], Calendar.Years.Select(y => y.Year).Order());
        Assert.Contains("12729/VPCP-KGVX", Calendar.Years.Single(y => y.Year == 2026).Source);
        Assert.True(Calendar.Years.Single(y => y.Year == 2027).Provisional);
    }

    [Theory]
    [InlineData("2026-03-27", 3, "2026-03-24")] // Friday → Tuesday
    [InlineData("2026-03-30", 1, "2026-03-27")] // Monday → the Friday before
    [InlineData("2026-02-25", 3, "2026-02-13")] // across Tết: the working day before it
    [InlineData("2026-01-12", 1, "2026-01-10")] // the make-up Saturday counts
    [InlineData("2026-03-08", 1, "2026-03-05")] // from a Sunday: one working day (Friday) lies after Thursday
    [InlineData("2027-01-04", 1, "2026-12-31")] // across the year boundary and New Year's Day
    public void SubtractWorkingDays_LeavesExactlyThatManyWorkingDaysAfter(string end, int count, string expected)
    {
        var day = Calendar.SubtractWorkingDays(DateOnly.Parse(end), count);

        Assert.Equal(DateOnly.Parse(expected), day);
        Assert.True(Calendar.IsWorkingDay(day));
        Assert.Equal(count, Calendar.WorkingDaysBetween(day, DateOnly.Parse(end)));
    }

    [Theory]
    [InlineData("2026-03-06", "2026-03-06")]
    [InlineData("2026-03-08", "2026-03-06")]
    [InlineData("2026-02-22", "2026-02-13")]
    [InlineData("2026-01-10", "2026-01-10")]
    public void WorkingDayOnOrBefore_StepsBackOverDaysOff(string day, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), Calendar.WorkingDayOnOrBefore(DateOnly.Parse(day)));

    [Fact]
    public void SubtractWorkingDays_BeforeTheLoadedYears_IsAnError() =>
        Assert.Throws<CalendarException>(() => Calendar.SubtractWorkingDays(new DateOnly(2025, 1, 2), 3));
}

public sealed class CalendarLoaderTests
{
    private const string Valid = """
        year: 2026
        status: official
        source: test
        days-off:
          - { from: 2026-01-01, to: 2026-01-01, name: Tết Dương lịch }
        working-weekends:
          - { date: 2026-01-10, name: Làm bù }
        """;

    [Fact]
    public void Parse_AProvisionalDayOff_NeedsItsBasis()
    {
        var withBasis = CalendarLoader.Parse(Valid.Replace("name: Tết Dương lịch }", "name: Tết Dương lịch, provisional: true, basis: Dự thảo }"), "2026.yaml");
        Assert.Equal("Dự thảo", withBasis.ProvisionalDays[new DateOnly(2026, 1, 1)]);

        var error = Assert.Throws<CalendarException>(() =>
            CalendarLoader.Parse(Valid.Replace("name: Tết Dương lịch }", "name: Tết Dương lịch, provisional: true }"), "2026.yaml"));
        Assert.Contains("basis", error.Message);
    }

    [Fact]
    public void Parse_WhenValid_ReadsDaysOffAndMakeUpDays()
    {
        var year = CalendarLoader.Parse(Valid, "2026.yaml");
        Assert.Equal("Tết Dương lịch", year.DaysOff[new DateOnly(2026, 1, 1)]);
        Assert.True(year.WorkingWeekends.ContainsKey(new DateOnly(2026, 1, 10)));
        Assert.False(year.Provisional);
    }

    [Theory]
    [InlineData("status: official", "status: maybe", "status")]
    [InlineData("date: 2026-01-10", "date: 2026-01-12", "thứ Bảy")]
    [InlineData("to: 2026-01-01", "to: 2025-12-31", "năm 2026")]
    [InlineData("from: 2026-01-01", "from: 01/01/2026", "yyyy-MM-dd")]
    [InlineData("year: 2026", "year: 1800", "year")]
    [InlineData("name: Tết Dương lịch }", "name: [Tết }", "2026.yaml:")]
    public void Parse_WhenSomethingIsWrong_SaysWhatInTheFile(string from, string to, string mentions)
    {
        var text = Valid.Replace(from, to);
        Assert.NotEqual(Valid, text);
        var error = Assert.Throws<CalendarException>(() => CalendarLoader.Parse(text, "2026.yaml"));
        Assert.Contains(mentions, error.Message);
    }

    [Fact]
    public void Parse_WhenARangeEndsBeforeItStarts_SaysSo()
    {
        var text = Valid.Replace("{ from: 2026-01-01, to: 2026-01-01", "{ from: 2026-01-03, to: 2026-01-01");
        Assert.Contains("kết thúc trước", Assert.Throws<CalendarException>(() => CalendarLoader.Parse(text, "2026.yaml")).Message);
    }

    [Fact]
    public void LoadFolder_WhenTwoFilesDeclareTheSameYear_SaysSo()
    {
        var folder = Directory.CreateTempSubdirectory("ntm-calendar").FullName;
        File.WriteAllText(Path.Combine(folder, "a.yaml"), Valid);
        File.WriteAllText(Path.Combine(folder, "b.yaml"), Valid);
        Assert.Contains("2026", Assert.Throws<CalendarException>(() => CalendarLoader.LoadFolder(folder)).Message);
    }
}
