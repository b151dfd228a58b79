using NtmWorkflow.Engine.Calendar;
using NtmWorkflow.Engine.Definitions;
using NtmWorkflow.Web.Domain;

namespace NtmWorkflow.Web.Features.Dossiers;

/// <summary>
/// Where a stage's deadline stands now: working days left (0 on or after the last day), whether it has passed, and
/// whether it was counted on a provisional calendar year (to be recounted once the official notice is out), and the
/// last day of a public posting still running.
/// </summary>
public sealed record DeadlineStatus(int? WorkingDaysLeft, bool Overdue, bool Provisional, DateOnly? PostingUntil = null)
{
    public static DeadlineStatus For(Dossier dossier, WorkflowDefinition definition, DateTime now, WorkingCalendar calendar) =>
        For(dossier.DueAt, now, calendar) with { PostingUntil = dossier.PostingUntil(definition, now, calendar) };

    public static DeadlineStatus For(DateTime? dueAt, DateTime now, WorkingCalendar calendar)
    {
        if (dueAt is not { } due)
        {
            return new DeadlineStatus(null, false, false);
        }
        try
        {
            return new DeadlineStatus(calendar.Remaining(now, due, LimitUnit.WorkingDays), now > due,
                calendar.IsProvisionalBetween(WorkingCalendar.ToVietnamDate(now), WorkingCalendar.ToVietnamDate(due)));
        }
        catch (CalendarException)
        {
            // Beyond the loaded calendar years the count is unknown; dueAt still stands.
            return new DeadlineStatus(null, now > due, true);
        }
    }
}
