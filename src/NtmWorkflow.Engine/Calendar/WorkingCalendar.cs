using NtmWorkflow.Engine.Definitions;

namespace NtmWorkflow.Engine.Calendar;

/// <summary>
/// Working days (ngày làm việc) in Vietnam: Monday to Friday that are not days off, plus make-up weekends.
/// Deadlines are counted in Asia/Ho_Chi_Minh and end at the close of their last day.
/// A date outside the loaded years is an error, never a guess.
/// </summary>
public sealed class WorkingCalendar
{
    public static readonly TimeZoneInfo VietnamTime = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    private readonly Dictionary<int, CalendarYear> years;

    public WorkingCalendar(IEnumerable<CalendarYear> years) => this.years = years.ToDictionary(y => y.Year);

    public IReadOnlyCollection<CalendarYear> Years => years.Values;

    public bool IsWorkingDay(DateOnly day)
    {
        var year = YearOf(day);
        if (year.WorkingWeekends.ContainsKey(day))
        {
            return true;
        }
        return day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !year.DaysOff.ContainsKey(day);
    }

    /// <summary>The Nth working day after <paramref name="start"/>; the start day itself is not counted.</summary>
    public DateOnly AddWorkingDays(DateOnly start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var day = start;
        for (var counted = 0; counted < count;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }
        return day;
    }

    /// <summary>
    /// The working day with exactly <paramref name="count"/> working days after it up to and including
    /// <paramref name="end"/>: "3 working days before" a Friday deadline is the Tuesday.
    /// </summary>
    public DateOnly SubtractWorkingDays(DateOnly end, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var day = end;
        for (var counted = 0; counted < count; day = day.AddDays(-1))
        {
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }
        return WorkingDayOnOrBefore(day);
    }

    /// <summary>The day itself when it is a working day, else the working day before it.</summary>
    public DateOnly WorkingDayOnOrBefore(DateOnly day)
    {
        while (!IsWorkingDay(day))
        {
            day = day.AddDays(-1);
        }
        return day;
    }

    /// <summary>Whether the day's year is only estimated (its official notice not yet issued).</summary>
    public bool IsProvisional(DateOnly day) => YearOf(day).Provisional;

    /// <summary>
    /// Whether a count from <paramref name="from"/> to <paramref name="to"/> rests on anything not yet official: the
    /// last day falls in an estimated year, or a day off whose basis is pending lies after <paramref name="from"/>.
    /// </summary>
    public bool IsProvisionalBetween(DateOnly from, DateOnly to)
    {
        if (IsProvisional(to))
        {
            return true;
        }
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (YearOf(day).ProvisionalDays.ContainsKey(day))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether every year from <paramref name="from"/> to <paramref name="to"/> has its calendar loaded.</summary>
    public bool Covers(DateOnly from, DateOnly to) => Enumerable.Range(from.Year, to.Year - from.Year + 1).All(years.ContainsKey);

    /// <summary>How many working days lie after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }
        return count;
    }

    /// <summary>What is left of a limit at <paramref name="nowUtc"/>, in the limit's own unit; 0 once it has run out.</summary>
    public int Remaining(DateTime nowUtc, DateTime dueUtc, LimitUnit unit)
    {
        var today = ToVietnamDate(nowUtc);
        var last = ToVietnamDate(dueUtc);
        return last <= today ? 0 : unit == LimitUnit.WorkingDays ? WorkingDaysBetween(today, last) : last.DayNumber - today.DayNumber;
    }

    /// <summary>The last day of a limit that starts on the given Vietnamese date.</summary>
    public DateOnly LastDay(DateOnly start, TimeLimit limit) => limit.Unit switch
    {
        LimitUnit.WorkingDays => AddWorkingDays(start, limit.Amount),
        _ => start.AddDays(limit.Amount),
    };

    /// <summary>The instant (UTC) a limit runs out: the close of its last day in Vietnam.</summary>
    public DateTime DueAt(DateTime startUtc, TimeLimit limit)
    {
        var last = LastDay(ToVietnamDate(startUtc), limit);
        return ToUtc(last.AddDays(1), TimeOnly.MinValue).AddTicks(-TimeSpan.TicksPerSecond);
    }

    /// <summary>The instant (UTC) a Vietnamese date reaches the given local time of day.</summary>
    public static DateTime ToUtc(DateOnly day, TimeOnly time) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(time), VietnamTime);

    public static DateOnly ToVietnamDate(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), VietnamTime));

    private CalendarYear YearOf(DateOnly day) =>
        years.TryGetValue(day.Year, out var found)
            ? found
            : throw new CalendarException(
                $"Chưa có lịch ngày nghỉ của năm {day.Year}: thêm tệp workflows/calendars/{day.Year}.yaml trước khi tính thời hạn.");
}
