using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;

namespace NtmWorkflow.Web.Tests.Support;

/// <summary>E-mail preferences set through the API, and the queued e-mails as the database holds them.</summary>
public static class Outbox
{
    public static async Task SetEmail(NtmApp app, string userName, string email, string preference = "immediate") =>
        await Procedure.Must(await (await app.As(userName)).PutAsJsonAsync("/api/me/notification-settings", new { email, emailPreference = preference }));

    /// <summary>The one e-mail of this kind about the dossier.</summary>
    public static async Task<OutgoingEmail> About(NtmApp app, JsonElement dossier, string kind = NotificationKinds.Assigned)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var id = Guid.Parse(Procedure.Id(dossier));
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutgoingEmails.AsNoTracking()
            .SingleAsync(e => e.DossierId == id && e.Kind == kind);
    }
}
