using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Infrastructure;
using NtmWorkflow.Web.Infrastructure.Telemetry;
using NtmWorkflow.Web.Notifications;

namespace NtmWorkflow.Web.Features.Notifications;

/// <summary>
/// Sends the queued e-mails that are due. Each is claimed by pushing its next attempt past a lease with a conditional
/// update before it is sent, so two servers never send the same one; a failure is recorded and retried with
/// exponential back-off (1, 2, 4 … minutes, at most an hour apart), never given up. A reminder whose stage has been
/// left is dropped instead of sent.
/// </summary>
public static class DeliverEmails
{
    public const int BatchSize = 50;

    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(1);

    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromMinutes(Math.Min(MaxBackoff.TotalMinutes, Math.Pow(2, Math.Min(attempts, 10) - 1)));

    /// <summary>Returns how many e-mails went out.</summary>
    public sealed record Command : IRequest<int>, ISystemRequest;

    internal sealed class Handler(
        AppDbContext db, IEmailSender sender, IOptions<EmailOptions> options, TimeProvider clock, AppMetrics metrics, ILogger<Handler> logger)
        : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!options.Value.Enabled)
            {
                return 0;
            }
            var now = clock.GetUtcNow().UtcDateTime;
            var due = await db.OutgoingEmails.AsNoTracking()
                .Where(e => e.Status == EmailStatuses.Pending && e.NextAttemptAt <= now)
                .OrderBy(e => e.NextAttemptAt)
                .ThenBy(e => e.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            var sent = 0;
            foreach (var email in due)
            {
                if (await OutdatedAsync(email, cancellationToken))
                {
                    await Emails(email).ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EmailStatuses.Dropped), cancellationToken);
                    continue;
                }
                var claimed = await Emails(email)
                    .Where(e => e.Status == EmailStatuses.Pending && e.NextAttemptAt == email.NextAttemptAt)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.NextAttemptAt, now + Lease), cancellationToken);
                if (claimed == 1 && await TrySendAsync(email, now, cancellationToken))
                {
                    sent++;
                }
            }
            return sent;
        }

        private async Task<bool> TrySendAsync(OutgoingEmail email, DateTime now, CancellationToken cancellationToken)
        {
            var attempts = email.Attempts + 1;
            try
            {
                await sender.SendAsync(email.To, email.Subject, email.Body, cancellationToken);
            }
            catch (EmailDeliveryException e)
            {
                logger.LogWarning("E-mail {Email} to {To} failed (attempt {Attempts}), retrying later: {Reason}", email.Id, email.To, attempts, e.Message);
                metrics.EmailFailed();
                var error = e.Message.Length > Limits.Text ? e.Message[..Limits.Text] : e.Message;
                await Emails(email).ExecuteUpdateAsync(s => s
                    .SetProperty(e => e.Attempts, attempts)
                    .SetProperty(e => e.NextAttemptAt, now + Backoff(attempts))
                    .SetProperty(e => e.LastError, error), cancellationToken);
                return false;
            }
            await Emails(email).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Status, EmailStatuses.Sent)
                .SetProperty(e => e.Attempts, attempts)
                .SetProperty(e => e.SentAt, now)
                .SetProperty(e => e.LastError, (string?)null), cancellationToken);
            return true;
        }

        private IQueryable<OutgoingEmail> Emails(OutgoingEmail email) => db.OutgoingEmails.Where(e => e.Id == email.Id);

        /// <summary>A reminder about a stage's clock whose stage round is over.</summary>
        private async Task<bool> OutdatedAsync(OutgoingEmail email, CancellationToken cancellationToken) =>
            email is { DossierId: { } dossierId, StageRound: { } round, Kind: { } kind }
            && NotificationKinds.AboutTheClock.Contains(kind)
            && !await db.Dossiers.AnyAsync(d => d.Id == dossierId && d.StageRound == round, cancellationToken);
    }
}
