using MediatR;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Engine.Calendar;
using NtmWorkflow.Engine.Definitions;
using NtmWorkflow.Engine.Reminders;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Infrastructure;
using NtmWorkflow.Web.Infrastructure.Telemetry;
using NtmWorkflow.Web.Notifications;
using NtmWorkflow.Web.Features.Dossiers;

namespace NtmWorkflow.Web.Features.Notifications;

/// <summary>
/// The reminder sweep: every dossier whose next reminder has fallen due gets its reminders and escalation written,
/// and its next reminder time moved on, a batch at a time. Each batch's dossiers are held for its transaction — on
/// SQLite by the write lock the transaction takes, on PostgreSQL by row locks that another server's sweep skips — so
/// two sweeps never both handle a dossier, and a move on it waits for the batch instead of racing it.
/// </summary>
public static class SendReminders
{
    public const int BatchSize = 500;

    /// <summary>How long to wait before trying again when a reminder falls in a year whose calendar is not loaded.</summary>
    private static readonly TimeSpan CalendarRetry = TimeSpan.FromDays(1);

    /// <summary>Returns how many notices were written.</summary>
    public sealed record Command : IRequest<int>, ISystemRequest;

    /// <summary>A due dossier, its stage, the reminders to send now and when to look at it next.</summary>
    private sealed record Plan(Dossier Dossier, StageDefinition? Stage, IReadOnlyList<ReminderOccurrence> Reminders, DateOnly LastDay, DateTime? Next);

    internal sealed class Handler(
        AppDbContext db, DossierLookup dossiers, Notifier notifier, WorkingCalendar calendar, TimeProvider clock,
        AppMetrics metrics, ILogger<Handler> logger)
        : IRequestHandler<Command, int>
    {
        // Many dossiers share a unit: each unit's name is read once per sweep, not once per dossier.
        private readonly Dictionary<string, string> unitNames = [];

        // The officials of the roles reminders go to, read once per sweep (again only when a batch needs a new role).
        private readonly HashSet<string> officialRoles = [];
        private RecipientDirectory? officials;

        public async Task<int> Handle(Command command, CancellationToken cancellationToken)
        {
            var written = 0;
            while (true)
            {
                var (handled, notices) = await SweepBatchAsync(cancellationToken);
                written += notices;
                if (handled < BatchSize)
                {
                    return written;
                }
            }
        }

        private async Task<(int Handled, int Notices)> SweepBatchAsync(CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var due = await DueBatch(now).AsNoTracking().ToListAsync(cancellationToken);
            var plans = new List<Plan>(due.Count);
            foreach (var dossier in due)
            {
                plans.Add(await PlanAsync(dossier, now, cancellationToken));
            }
            foreach (var moved in plans.GroupBy(p => p.Next))
            {
                var ids = moved.Select(p => p.Dossier.Id).ToList();
                await db.Dossiers.Where(d => ids.Contains(d.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextReminderAt, moved.Key), cancellationToken);
            }
            var (rows, digests) = await PlanNoticesAsync(plans.Where(p => p.Reminders.Count > 0).ToList(), now, cancellationToken);
            var written = await db.InsertNoticesAsync(rows, now, cancellationToken);
            await db.AddToDigestsAsync(digests, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            var digested = digests.Sum(d => d.Before + d.Due + d.Overdue + d.Escalated);
            metrics.RemindersSent(written + digested);
            return (due.Count, written + digested);
        }

        private IQueryable<Dossier> DueBatch(DateTime now) => db.Database.IsNpgsql()
            ? db.Dossiers.FromSql(
                $"""SELECT * FROM dossiers WHERE "NextReminderAt" <= {now} ORDER BY "NextReminderAt" LIMIT {BatchSize} FOR UPDATE SKIP LOCKED""")
            : db.Dossiers.Where(d => d.NextReminderAt <= now).OrderBy(d => d.NextReminderAt).Take(BatchSize);

        private async Task<Plan> PlanAsync(Dossier dossier, DateTime now, CancellationToken cancellationToken)
        {
            var definition = await dossiers.DefinitionOfAsync(dossier, cancellationToken);
            var stage = definition.Stages.GetValueOrDefault(dossier.Stage);
            var lastDay = dossier.DueAt is { } dueAt ? WorkingCalendar.ToVietnamDate(dueAt) : default;
            if (stage?.Reminders is not { } policy || dossier.DueAt is null)
            {
                return new Plan(dossier, stage, [], lastDay, null);
            }
            try
            {
                return new Plan(dossier, stage, ReminderSchedule.DueNow(policy, lastDay, dossier.StageEnteredAt, now, calendar), lastDay,
                    ReminderSchedule.NextAt(policy, lastDay, dossier.StageEnteredAt, now, calendar));
            }
            catch (CalendarException e)
            {
                logger.LogWarning("Reminders of dossier {Dossier} wait for a calendar year: {Reason}", dossier.Id, e.Message);
                return new Plan(dossier, stage, [], lastDay, now + CalendarRetry);
            }
        }

        /// <summary>
        /// One notice per dossier and recipient for the stages that send them so, and each recipient's counts for the
        /// stages whose reminders go into the daily digest.
        /// </summary>
        private async Task<(List<NoticeRow> Notices, List<DigestRow> Digests)> PlanNoticesAsync(
            IReadOnlyList<Plan> plans, DateTime now, CancellationToken cancellationToken)
        {
            var rows = new List<NoticeRow>();
            if (plans.Count == 0)
            {
                return (rows, []);
            }
            await NameUnitsAsync(plans.Where(p => !p.Stage!.Reminders!.Digest).Select(p => p.Dossier.UnitCode), cancellationToken);
            var roles = plans.SelectMany(p => p.Reminders.Select(r => RoleOf(p.Stage!, r))).Distinct().ToList();
            var recipients = await OfficialsAsync(roles, cancellationToken);
            var digests = new Dictionary<Recipient, ReminderCounts>();
            foreach (var (dossier, stage, reminders, lastDay, _) in plans)
            {
                foreach (var reminder in reminders)
                {
                    var told = recipients.For(dossier.UnitPath, RoleOf(stage!, reminder));
                    if (stage!.Reminders!.Digest)
                    {
                        foreach (var recipient in told)
                        {
                            digests[recipient] = digests.GetValueOrDefault(recipient, ReminderCounts.None).Add(reminder.Kind);
                        }
                        continue;
                    }
                    rows.AddRange(notifier.Rows(
                        NotificationText.ForReminder(dossier, stage, unitNames[dossier.UnitCode], reminder, lastDay, calendar), told));
                }
            }
            var today = WorkingCalendar.ToVietnamDate(now);
            return (rows, digests.Select(d => notifier.DigestRow(d.Key, today, d.Value)).ToList());
        }

        private async Task<RecipientDirectory> OfficialsAsync(IReadOnlyCollection<string> roles, CancellationToken cancellationToken)
        {
            if (officials is null || !officialRoles.IsSupersetOf(roles))
            {
                officialRoles.UnionWith(roles);
                officials = await notifier.RecipientsAnywhereAsync(officialRoles, cancellationToken);
            }
            return officials;
        }

        private async Task NameUnitsAsync(IEnumerable<string> codes, CancellationToken cancellationToken)
        {
            var unknown = codes.Where(c => !unitNames.ContainsKey(c)).Distinct().ToList();
            if (unknown.Count > 0)
            {
                foreach (var (code, name) in await db.Units.Where(u => unknown.Contains(u.Code))
                             .Select(u => new KeyValuePair<string, string>(u.Code, u.Name)).ToListAsync(cancellationToken))
                {
                    unitNames[code] = name;
                }
            }
        }

        /// <summary>An escalation goes to the tier above; every other reminder to the stage's own actor.</summary>
        private static string RoleOf(StageDefinition stage, ReminderOccurrence reminder) =>
            reminder.Kind == ReminderKind.Escalation ? stage.Reminders!.Escalation!.To : stage.Actor;
    }
}
