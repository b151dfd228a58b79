using NtmWorkflow.Engine.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NtmWorkflow.Engine.Definitions;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;

namespace NtmWorkflow.Web.Notifications;

/// <summary>What one notice says and which dossier, stage round, kind and day it is about.</summary>
public sealed record Notice(Guid DossierId, int StageRound, string Stage, string Kind, DateOnly Day, string Title, string Body);

/// <summary>Notices and their e-mails made but not yet saved.</summary>
public sealed class NoticeBatch
{
    public List<Notification> Notifications { get; } = [];

    public List<OutgoingEmail> Emails { get; } = [];
}

/// <summary>An official who may receive a notice, with how they take e-mail.</summary>
public sealed record Recipient(string Id, string UserName, string? Email, string EmailPreference);

/// <summary>
/// Makes notices for every official holding one of the roles over the dossier's unit, with the e-mail each one wants
/// queued beside it, to be saved in the caller's transaction: a move adds them to the context; the sweep plans rows
/// that <see cref="NoticeInsert"/> writes a batch at a time, skipping any notice whose natural key is taken, so a sweep
/// that runs twice changes nothing.
/// </summary>
internal sealed class Notifier(AppDbContext db, IOptions<EmailOptions> email)
{
    /// <summary>
    /// Officials whose unit is one of these units or one above them, holding any of the roles: one query for the
    /// dossiers of many units.
    /// </summary>
    public Task<RecipientDirectory> RecipientsAsync(
        IEnumerable<string> unitPaths, IReadOnlyCollection<string> roles, CancellationToken cancellationToken)
    {
        var paths = unitPaths.SelectMany(RecipientDirectory.UnitAndAncestors).Distinct().ToList();
        return DirectoryAsync(Officials(roles).Where(o => paths.Contains(o.Path)), cancellationToken);
    }

    /// <summary>
    /// Every active official holding any of the roles, wherever they sit: the reminder sweep reads them once rather
    /// than once per batch, whose dossiers lie in units of every part of the province.
    /// </summary>
    public Task<RecipientDirectory> RecipientsAnywhereAsync(IReadOnlyCollection<string> roles, CancellationToken cancellationToken) =>
        DirectoryAsync(Officials(roles), cancellationToken);

    /// <summary>Built by member initialisation, so that a query can still filter on its members.</summary>
    private sealed class Official
    {
        public required string Path { get; init; }

        public required string Role { get; init; }

        public required Recipient Recipient { get; init; }
    }

    private IQueryable<Official> Officials(IReadOnlyCollection<string> roles) =>
        from user in db.Users
        join unit in db.Units on user.UnitCode equals unit.Code
        join userRole in db.UserRoles on user.Id equals userRole.UserId
        join role in db.Roles on userRole.RoleId equals role.Id
        where user.Active && roles.Contains(role.Name!)
        select new Official
        {
            Path = unit.Path, Role = role.Name!, Recipient = new Recipient(user.Id, user.UserName!, user.Email, user.EmailPreference),
        };

    private static async Task<RecipientDirectory> DirectoryAsync(IQueryable<Official> officials, CancellationToken cancellationToken) =>
        new((await officials.ToListAsync(cancellationToken)).ToLookup(o => (o.Path, o.Role), o => o.Recipient));

    /// <summary>Makes the notice for each recipient, with the e-mail the recipient wants.</summary>
    public void Write(Notice notice, IEnumerable<Recipient> recipients, DateTime now, NoticeBatch into)
    {
        foreach (var recipient in recipients)
        {
            var (mailNow, digest) = Delivery(recipient);
            var notification = new Notification(notice.DossierId, notice.StageRound, notice.Stage, notice.Kind, recipient.Id, notice.Day,
                notice.Title, notice.Body, digest, now);
            into.Notifications.Add(notification);
            if (mailNow is not null)
            {
                into.Emails.Add(new OutgoingEmail(recipient.Id, mailNow, notice.Title, EmailBody(notice.Body, notice.DossierId), now, notification));
            }
        }
    }

    /// <summary>The sweep's rows for the notice, one per recipient, for <see cref="NoticeInsert"/>.</summary>
    public IEnumerable<NoticeRow> Rows(Notice notice, IEnumerable<Recipient> recipients)
    {
        foreach (var recipient in recipients)
        {
            var (mailTo, digest) = Delivery(recipient);
            yield return new NoticeRow(notice.DossierId, notice.StageRound, notice.Stage, notice.Kind, recipient.Id, notice.Day,
                notice.Title, notice.Body, digest, mailTo, mailTo is null ? null : EmailBody(notice.Body, notice.DossierId));
        }
    }

    /// <summary>
    /// A recipient's counts for the day's reminder digest. Its e-mail, for one who takes immediate e-mail, says only
    /// that reminders are waiting: the counts still grow while the sweep goes on, and the application shows them.
    /// </summary>
    public DigestRow DigestRow(Recipient recipient, DateOnly day, ReminderCounts counts)
    {
        var (mailTo, digest) = Delivery(recipient);
        var mailBody = mailTo is null ? null : EmailBody(
            $"Ngày {DayText.Of(day)} có hồ sơ ở giai đoạn bạn xử lý hoặc đôn đốc sắp đến hạn, đến hạn hoặc quá hạn. " +
            "Số hồ sơ từng loại có trong thông báo nhắc hạn của ngày trên hệ thống.", null);
        return new DigestRow(recipient.Id, day, NotificationText.DigestSubject(day), counts.Before, counts.Due, counts.Overdue, counts.Escalated, digest, mailTo, mailBody);
    }

    /// <summary>
    /// Where an e-mail goes now (mail is on, the recipient has an address and takes immediate e-mail), and whether the
    /// notice waits for the recipient's daily digest instead.
    /// </summary>
    private (string? MailNow, bool Digest) Delivery(Recipient recipient)
    {
        var address = email.Value.Enabled && !string.IsNullOrWhiteSpace(recipient.Email) ? recipient.Email : null;
        return (recipient.EmailPreference == EmailPreferences.Immediate ? address : null,
            address is not null && recipient.EmailPreference == EmailPreferences.DailyDigest);
    }

    /// <summary>
    /// After a move: the officials who act in the new stage, or at an end the officials who started the dossier,
    /// are told — except the one who made the move.
    /// </summary>
    public async Task NotifyMoveAsync(
        Dossier dossier, WorkflowDefinition definition, string unitName, string actionTitle, Actor actor, DateTime now,
        CancellationToken cancellationToken)
    {
        var role = (definition.Stages.GetValueOrDefault(dossier.Stage) ?? definition.Stages[definition.Start]).Actor;
        var recipients = (await RecipientsAsync([dossier.UnitPath], [role], cancellationToken)).For(dossier.UnitPath, role);
        // A move always opens a new stage round, so none of these notices can exist yet.
        var batch = new NoticeBatch();
        Write(NotificationText.ForMove(dossier, definition, unitName, actionTitle, now),
            recipients.Where(r => r.UserName != actor.UserName), now, batch);
        db.Notifications.AddRange(batch.Notifications);
        db.OutgoingEmails.AddRange(batch.Emails);
    }

    /// <summary>
    /// The text of a notice as mailed, with a link to the dossier — or, for a digest, to the task list — when the
    /// system's address is known.
    /// </summary>
    public string EmailBody(string body, Guid? dossierId) =>
        string.IsNullOrWhiteSpace(email.Value.BaseUrl) ? body
        : dossierId is null ? $"{body}\n\nHồ sơ chờ bạn xử lý: {email.Value.BaseUrl.TrimEnd('/')}/"
        : $"{body}\n\nXem hồ sơ: {email.Value.BaseUrl.TrimEnd('/')}/dossiers/{dossierId}";
}
