using NtmWorkflow.Engine.Calendar;
using NtmWorkflow.Engine.Definitions;

namespace NtmWorkflow.Web.Features.Dossiers;

/// <summary>Where a stage's deadline stands now: working days left (0 on or after the last day) and whether it has passed.</summary>
public sealed record DeadlineStatus(int? WorkingDaysLeft, bool Overdue)
{
    public static DeadlineStatus For(DateTime? dueAt, DateTime now, WorkingCalendar calendar)
    {
        if (dueAt is not { } due)
        {
            return new DeadlineStatus(null, false);
        }
        int? left;
        try
        {
            left = calendar.Remaining(now, due, LimitUnit.WorkingDays);
        }
        catch (CalendarException)
        {
            // Beyond the loaded calendar years the count is unknown; dueAt still stands.
            left = null;
        }
        return new DeadlineStatus(left, now > due);
    }
}
