using System.Text;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NtmWorkflow.Engine.Calendar;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Infrastructure;
using NtmWorkflow.Web.Notifications;

namespace NtmWorkflow.Web.Features.Notifications;

/// <summary>
/// Once a day, each official who chose the digest gets one e-mail listing the notices since their last one. The
/// notices are claimed with a conditional update in the same transaction as the queued e-mail, so a second run (or a
/// second server) finds nothing left to send.
/// </summary>
public static class SendDailyDigests
{
    /// <summary>Returns how many digests were queued.</summary>
    public sealed record Command : IRequest<int>, ISystemRequest, ICommand;

    internal sealed class Handler(AppDbContext db, Notifier notifier, IOptions<EmailOptions> options, TimeProvider clock)
        : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!options.Value.Enabled)
            {
                return 0;
            }
            var now = clock.GetUtcNow().UtcDateTime;
            var waiting = await db.Notifications.AsNoTracking()
                .Where(n => n.AwaitsDigest)
                .OrderBy(n => n.Id)
                .ToListAsync(cancellationToken);
            var recipientIds = waiting.Select(n => n.RecipientId).Distinct().ToList();
            var addresses = await db.Users.Where(u => recipientIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, cancellationToken);
            var queued = 0;
            foreach (var notices in waiting.GroupBy(n => n.RecipientId))
            {
                var ids = notices.Select(n => n.Id).ToList();
                var claimed = await db.Notifications.Where(n => ids.Contains(n.Id) && n.AwaitsDigest)
                    .ExecuteUpdateAsync(s => s.SetProperty(n => n.AwaitsDigest, false), cancellationToken);
                if (claimed != ids.Count)
                {
                    throw new DbUpdateConcurrencyException("Another digest run claimed these notices first.");
                }
                if (addresses.GetValueOrDefault(notices.Key) is { Length: > 0 } address)
                {
                    db.OutgoingEmails.Add(Digest(notices.Key, address, notices.ToList(), now));
                    queued++;
                }
            }
            await db.SaveChangesAsync(cancellationToken);
            return queued;
        }

        private OutgoingEmail Digest(string recipientId, string address, IReadOnlyList<Notification> notices, DateTime now)
        {
            var body = new StringBuilder($"Các thông báo mới của bạn ({notices.Count}):\n");
            foreach (var notice in notices)
            {
                var (title, text) = NotificationText.Of(notice);
                body.Append($"\n• {title}\n  {notifier.EmailBody(text, notice.DossierId).Replace("\n", "\n  ")}\n");
            }
            var subject = $"Tổng hợp thông báo ngày {DayText.Of(WorkingCalendar.ToVietnamDate(now))}: {notices.Count} thông báo";
            return new OutgoingEmail(recipientId, address, subject, body.ToString(), now);
        }
    }
}
