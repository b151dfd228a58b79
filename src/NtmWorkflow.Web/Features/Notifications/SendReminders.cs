using MediatR;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Engine.Calendar;
using NtmWorkflow.Engine.Reminders;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Infrastructure;
using NtmWorkflow.Web.Notifications;
using NtmWorkflow.Web.Features.Dossiers;

namespace NtmWorkflow.Web.Features.Notifications;

/// <summary>
/// The reminder sweep: every dossier whose next reminder has fallen due gets its reminders and escalation written,
/// and its next reminder time moved on. A dossier is claimed by moving that time with a conditional update, so two
/// sweeps on two servers never both handle it, and one that has changed stage meanwhile is left alone.
/// </summary>
public static class SendReminders
{
    public const int BatchSize = 200;

    /// <summary>How long to wait before trying again when a reminder falls in a year whose calendar is not loaded.</summary>
    private static readonly TimeSpan CalendarRetry = TimeSpan.FromDays(1);

    /// <summary>Returns how many notices were written.</summary>
    public sealed record Command : IRequest<int>, ISystemRequest;

    internal sealed class Handler(
        AppDbContext db, DossierLookup dossiers, Notifier notifier, WorkingCalendar calendar, TimeProvider clock,
        ILogger<Handler> logger)
        : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command command, CancellationToken cancellationToken)
        {
            var written = 0;
            while (true)
            {
                var (claimed, notices) = await SweepBatchAsync(cancellationToken);
                written += notices;
                if (claimed < BatchSize)
                {
                    return written;
                }
            }
        }

        private async Task<(int Claimed, int Notices)> SweepBatchAsync(CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var due = await db.Dossiers.AsNoTracking()
                .Where(d => d.NextReminderAt <= now)
                .OrderBy(d => d.NextReminderAt)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            var codes = due.Select(d => d.UnitCode).Distinct().ToList();
            var unitNames = await db.Units.Where(u => codes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Name, cancellationToken);
            var notices = 0;
            foreach (var dossier in due)
            {
                notices += await RemindAsync(dossier, unitNames[dossier.UnitCode], now, cancellationToken);
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return (due.Count, notices);
        }

        private async Task<int> RemindAsync(Dossier dossier, string unitName, DateTime now, CancellationToken cancellationToken)
        {
            var definition = await dossiers.DefinitionOfAsync(dossier, cancellationToken);
            var stage = definition.Stages.GetValueOrDefault(dossier.Stage);
            IReadOnlyList<ReminderOccurrence> reminders = [];
            DateTime? next = null;
            var lastDay = dossier.DueAt is { } dueAt ? WorkingCalendar.ToVietnamDate(dueAt) : default;
            if (stage?.Reminders is { } policy && dossier.DueAt is not null)
            {
                try
                {
                    reminders = ReminderSchedule.DueNow(policy, lastDay, dossier.StageEnteredAt, now, calendar);
                    next = ReminderSchedule.NextAt(policy, lastDay, dossier.StageEnteredAt, now, calendar);
                }
                catch (CalendarException e)
                {
                    logger.LogWarning("Reminders of dossier {Dossier} wait for a calendar year: {Reason}", dossier.Id, e.Message);
                    next = now + CalendarRetry;
                }
            }
            var claimed = await db.Dossiers
                .Where(d => d.Id == dossier.Id && d.StageRound == dossier.StageRound && d.NextReminderAt == dossier.NextReminderAt)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextReminderAt, next), cancellationToken);
            if (claimed == 0)
            {
                return 0;
            }
            var notices = 0;
            foreach (var reminder in reminders)
            {
                var role = reminder.Kind == ReminderKind.Escalation ? stage!.Reminders!.Escalation!.To : stage!.Actor;
                var recipients = await notifier.RecipientsAsync(dossier.UnitPath, [role], cancellationToken);
                notices += await notifier.NotifyAsync(
                    NotificationText.ForReminder(dossier, stage, unitName, reminder, lastDay, calendar), recipients, now, cancellationToken);
            }
            return notices;
        }
    }
}
