using NtmWorkflow.Engine.Calendar;
using NtmWorkflow.Engine.Definitions;

namespace NtmWorkflow.Engine.Reminders;

public enum ReminderKind
{
    /// <summary>Some working days before the last day.</summary>
    Before,

    /// <summary>On the last day itself.</summary>
    Due,

    /// <summary>A working day after the last day has passed.</summary>
    Overdue,

    /// <summary>To the supervising tier, once the stage has been overdue long enough.</summary>
    Escalation,
}

/// <summary>One reminder of a stage's limit, sent on <see cref="Day"/> at <see cref="ReminderSchedule.SendTime"/>.</summary>
public sealed record ReminderOccurrence(ReminderKind Kind, DateOnly Day);

/// <summary>
/// When a stage's reminders fall, from its policy and the last day of its limit. A sweep asks what is due now and
/// when to look again; only the latest due reminder is sent, so a server that was down catches up with one current
/// reminder rather than a burst of stale ones, and the escalation is never skipped.
/// </summary>
public static class ReminderSchedule
{
    /// <summary>The local time of day (Asia/Ho_Chi_Minh) reminders go out: the start of a working morning.</summary>
    public static readonly TimeOnly SendTime = new(7, 0);

    public static DateTime SendAt(DateOnly day) => WorkingCalendar.ToUtc(day, SendTime);

    /// <summary>Every reminder of the policy in day order; endless while the policy repeats once overdue.</summary>
    /// <exception cref="CalendarException">When a reminder falls in a year whose calendar is not loaded.</exception>
    public static IEnumerable<ReminderOccurrence> Occurrences(ReminderPolicy policy, DateOnly lastDay, WorkingCalendar calendar)
    {
        foreach (var days in policy.Before.OrderDescending())
        {
            yield return new ReminderOccurrence(ReminderKind.Before, calendar.SubtractWorkingDays(lastDay, days));
        }
        if (policy.OnDue)
        {
            yield return new ReminderOccurrence(ReminderKind.Due, calendar.WorkingDayOnOrBefore(lastDay));
        }
        var escalation = policy.Escalation is { } e
            ? new ReminderOccurrence(ReminderKind.Escalation, calendar.AddWorkingDays(lastDay, e.AfterOverdue))
            : null;
        if (policy.OverdueEvery is not { } every)
        {
            if (escalation is not null)
            {
                yield return escalation;
            }
            yield break;
        }
        for (var k = 1; ; k++)
        {
            var day = calendar.AddWorkingDays(lastDay, k * every);
            if (escalation is not null && escalation.Day <= day)
            {
                yield return escalation;
                escalation = null;
            }
            yield return new ReminderOccurrence(ReminderKind.Overdue, day);
        }
    }

    /// <summary>
    /// What a sweep at <paramref name="nowUtc"/> sends: the latest reminder already due and the escalation once due,
    /// leaving out any that fell on or before the day the stage was entered (its assignment notice said as much).
    /// </summary>
    public static IReadOnlyList<ReminderOccurrence> DueNow(
        ReminderPolicy policy, DateOnly lastDay, DateTime enteredUtc, DateTime nowUtc, WorkingCalendar calendar)
    {
        var entered = WorkingCalendar.ToVietnamDate(enteredUtc);
        ReminderOccurrence? latest = null;
        ReminderOccurrence? escalation = null;
        foreach (var occurrence in Occurrences(policy, lastDay, calendar).TakeWhile(o => SendAt(o.Day) <= nowUtc))
        {
            if (occurrence.Day <= entered)
            {
                continue;
            }
            if (occurrence.Kind == ReminderKind.Escalation)
            {
                escalation = occurrence;
            }
            else
            {
                latest = occurrence;
            }
        }
        return new[] { latest, escalation }.OfType<ReminderOccurrence>().ToList();
    }

    /// <summary>When the next reminder after <paramref name="nowUtc"/> falls; null when none is left.</summary>
    public static DateTime? NextAt(ReminderPolicy policy, DateOnly lastDay, DateTime enteredUtc, DateTime nowUtc, WorkingCalendar calendar)
    {
        var entered = WorkingCalendar.ToVietnamDate(enteredUtc);
        var next = Occurrences(policy, lastDay, calendar).FirstOrDefault(o => o.Day > entered && SendAt(o.Day) > nowUtc);
        return next is null ? null : SendAt(next.Day);
    }
}
