using NtmWorkflow.Engine.Reminders;

namespace NtmWorkflow.Web.Notifications;

/// <summary>How many dossiers a reminder digest names of each kind of reminder.</summary>
public sealed record ReminderCounts(int Before, int Due, int Overdue, int Escalated)
{
    public static readonly ReminderCounts None = new(0, 0, 0, 0);

    public int Total => Before + Due + Overdue + Escalated;

    public ReminderCounts Add(ReminderKind kind) => kind switch
    {
        ReminderKind.Before => this with { Before = Before + 1 },
        ReminderKind.Due => this with { Due = Due + 1 },
        ReminderKind.Overdue => this with { Overdue = Overdue + 1 },
        _ => this with { Escalated = Escalated + 1 },
    };
}
