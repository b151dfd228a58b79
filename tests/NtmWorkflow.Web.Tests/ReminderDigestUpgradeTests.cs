using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>
/// The migration ReminderDigests over a database that already holds swept notices: down and up again, every dossier's
/// notice stays as it was and counts nothing, the sweep still writes new ones, and a digest (which the older schema
/// cannot hold, having no dossier) is what the way down removes.
/// </summary>
public sealed class ReminderDigestUpgradeTests(NtmApp app) : IClassFixture<NtmApp>
{
    [Fact]
    public async Task UpgradeFromTheMigrationBefore_KeepsEveryNotice_AndTheSweepWritesOnAfterIt()
    {
        var procedure = new Procedure(app);
        var dossier = await procedure.EnterDistrictReview(await app.NewCommune(), Notices.Vietnam(2026, 3, 2, 9));
        await Notices.Sweep(app, Notices.Vietnam(2026, 3, 25, 8));
        var before = await Notices.Of(app, Procedure.District, dossier);
        Assert.Equal(["assigned", "reminder"], await Notices.Kinds(app, Procedure.District, dossier));
        await AddDigestAsync();

        await MigrationSteps.MigrateAsync(app, "ReminderDigests", toBefore: true);
        await MigrationSteps.MigrateAsync(app, "ReminderDigests", toBefore: false);

        var after = await Notices.Of(app, Procedure.District, dossier);
        Assert.Equal(before.Select(n => n.GetRawText()), after.Select(n => n.GetRawText()));
        var stored = await NotificationsAsync();
        Assert.DoesNotContain(stored, n => n.DossierId is null);
        Assert.All(stored, n => Assert.Equal(0, n.DigestBefore + n.DigestDue + n.DigestOverdue + n.DigestEscalated));
        await Notices.Sweep(app, Notices.Vietnam(2026, 4, 6, 8));
        Assert.Equal(["assigned", "reminder", "overdue"], await Notices.Kinds(app, Procedure.District, dossier));
    }

    private async Task AddDigestAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var district = await db.Users.SingleAsync(u => u.UserName == Procedure.District);
        var row = new DigestRow(district.Id, new DateOnly(2026, 3, 25), "Nhắc hạn", 1, 0, 0, 0, false, null, null);
        await db.AddToDigestsAsync([row], app.Clock.Now.UtcDateTime, CancellationToken.None);
    }

    private async Task<List<Notification>> NotificationsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Notifications.AsNoTracking().ToListAsync();
    }
}
