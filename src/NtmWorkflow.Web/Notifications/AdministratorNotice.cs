using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NtmWorkflow.Engine;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;

namespace NtmWorkflow.Web.Notifications;

/// <summary>
/// A notice about the system itself, not about a dossier, to every active administrator: queued as an e-mail to each
/// one with an address (when e-mail is configured), delivered by the e-mail job. In the application it shows where
/// administrators look (the backups page, the health check), since in-application notices belong to dossiers.
/// </summary>
internal sealed class AdministratorNotice(AppDbContext db, IOptions<EmailOptions> email)
{
    /// <summary>Adds the e-mails to the context, for the caller to save; returns how many.</summary>
    public async Task<int> QueueAsync(string subject, string body, DateTime now, CancellationToken cancellationToken)
    {
        if (!email.Value.Enabled)
        {
            return 0;
        }
        var administrators = await (
                from user in db.Users
                join userRole in db.UserRoles on user.Id equals userRole.UserId
                join role in db.Roles on userRole.RoleId equals role.Id
                where user.Active && role.Name == Roles.Administrator && user.Email != null && user.Email != ""
                select new { user.Id, Email = user.Email! })
            .ToListAsync(cancellationToken);
        db.OutgoingEmails.AddRange(administrators.Select(a => new OutgoingEmail(a.Id, a.Email, subject, body, now)));
        return administrators.Count;
    }
}
