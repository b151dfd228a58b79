using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NtmWorkflow.Engine.Definitions;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;

namespace NtmWorkflow.Web.Notifications;

/// <summary>What one notice says and which dossier, stage round, kind and day it is about.</summary>
public sealed record Notice(Guid DossierId, int StageRound, string Stage, string Kind, DateOnly Day, string Title, string Body);

/// <summary>An official who may receive a notice, with how they take e-mail.</summary>
public sealed record Recipient(string Id, string UserName, string? Email, string EmailPreference);

/// <summary>
/// Writes notices, in the caller's transaction, to every official holding one of the roles over the dossier's unit,
/// with the e-mail each one wants queued beside it. A recipient who already has the notice (same natural key) is
/// skipped, so a sweep that runs twice changes nothing.
/// </summary>
internal sealed class Notifier(AppDbContext db, IOptions<EmailOptions> email)
{
    /// <summary>Officials whose unit is the dossier's unit or one above it, holding any of the roles.</summary>
    public async Task<IReadOnlyList<Recipient>> RecipientsAsync(string unitPath, IReadOnlyCollection<string> roles, CancellationToken cancellationToken)
    {
        var paths = UnitAndAncestors(unitPath);
        return await (
                from user in db.Users
                join unit in db.Units on user.UnitCode equals unit.Code
                join userRole in db.UserRoles on user.Id equals userRole.UserId
                join role in db.Roles on userRole.RoleId equals role.Id
                where user.Active && paths.Contains(unit.Path) && roles.Contains(role.Name!)
                select new Recipient(user.Id, user.UserName!, user.Email, user.EmailPreference))
            .Distinct()
            .ToListAsync(cancellationToken);
    }

    public async Task<int> NotifyAsync(Notice notice, IEnumerable<Recipient> recipients, DateTime now, CancellationToken cancellationToken)
    {
        var already = (await db.Notifications
                .Where(n => n.DossierId == notice.DossierId && n.StageRound == notice.StageRound && n.Kind == notice.Kind && n.Day == notice.Day)
                .Select(n => n.RecipientId)
                .ToListAsync(cancellationToken))
            .ToHashSet();
        var mailing = email.Value.Enabled;
        var added = 0;
        foreach (var recipient in recipients.Where(r => !already.Contains(r.Id)))
        {
            var address = mailing && !string.IsNullOrWhiteSpace(recipient.Email) ? recipient.Email : null;
            var notification = new Notification(notice.DossierId, notice.StageRound, notice.Stage, notice.Kind, recipient.Id, notice.Day,
                notice.Title, notice.Body, address is not null && recipient.EmailPreference == EmailPreferences.DailyDigest, now);
            db.Notifications.Add(notification);
            if (address is not null && recipient.EmailPreference == EmailPreferences.Immediate)
            {
                db.OutgoingEmails.Add(new OutgoingEmail(recipient.Id, address, notice.Title, EmailBody(notice.Body, notice.DossierId), now, notification));
            }
            added++;
        }
        return added;
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
        var recipients = await RecipientsAsync(dossier.UnitPath, [role], cancellationToken);
        await NotifyAsync(NotificationText.ForMove(dossier, definition, unitName, actionTitle, now),
            recipients.Where(r => r.UserName != actor.UserName), now, cancellationToken);
    }

    /// <summary>The text of a notice as mailed, with a link to the dossier when the system's address is known.</summary>
    public string EmailBody(string body, Guid dossierId) =>
        string.IsNullOrWhiteSpace(email.Value.BaseUrl) ? body : $"{body}\n\nXem hồ sơ: {email.Value.BaseUrl.TrimEnd('/')}/dossiers/{dossierId}";

    /// <summary>"/vn/dt/hn/" → "/vn/", "/vn/dt/", "/vn/dt/hn/": the paths whose officials have the unit in scope.</summary>
    private static List<string> UnitAndAncestors(string unitPath)
    {
        var paths = new List<string>();
        for (var end = unitPath.IndexOf('/', 1); end > 0; end = unitPath.IndexOf('/', end + 1))
        {
            paths.Add(unitPath[..(end + 1)]);
        }
        return paths;
    }
}
