using System.Net;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NtmWorkflow.Web.Backups;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Features.Backups;
using NtmWorkflow.Web.Jobs;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>
/// The scheduled backup: registered daily, a failed run recorded, told to the administrators and leaving earlier backups
/// whole; the administration page and the health check warn when the last run failed or the last success is too old.
/// </summary>
public sealed class BackupJobTests(BackupApp app) : IClassFixture<BackupApp>
{
    private readonly Procedure procedure = new(app);

    [BackupFact]
    public async Task AFolderThatCannotBeWritten_FailsTheJob_RecordsIt_NoticesAdministrators_KeepsEarlierBackups_AndWarns()
    {
        await Outbox.SetEmail(app, "admin", "quantri@dongthap.gov.vn");
        var folder = app.NewBackupsFolder();
        await app.BackUp(folder);
        var good = Assert.Single(new BackupFolder(folder).CompleteBackups());
        Assert.Equal("Healthy", await app.Anonymous().GetStringAsync("/health"));
        // A new blob whose place in the backups' store is taken by a folder: its copy cannot be written, as on a full disk.
        var commune = await app.NewCommune();
        var upload = await Procedure.Must(await procedure.Upload(commune.Officer, await procedure.Create(commune), "anh-minh-hoa", "a.pdf", Procedure.Pdf(2000)));
        var blocked = Path.Combine(folder, BackupFolder.BlobPath(upload.GetProperty("sha256").GetString()!));
        Directory.CreateDirectory(blocked);

        await Assert.ThrowsAnyAsync<IOException>(() => app.BackUp(folder));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var failed = await db.BackupRuns.AsNoTracking().OrderByDescending(r => r.Id).FirstAsync();
            Assert.False(failed.Succeeded);
            Assert.False(string.IsNullOrWhiteSpace(failed.Error));
            var notice = await db.OutgoingEmails.AsNoTracking().OrderByDescending(e => e.Id).FirstAsync();
            Assert.Equal("quantri@dongthap.gov.vn", notice.To);
            Assert.Equal("Sao lưu thất bại", notice.Subject);
            Assert.Contains(failed.Error!, notice.Body);
        }
        Assert.Equal([good], new BackupFolder(folder).CompleteBackups());
        await (await BackupManifest.ReadAsync(Path.Combine(folder, good), CancellationToken.None)).VerifyAsync(folder, CancellationToken.None);
        Assert.Equal("Degraded", await app.Anonymous().GetStringAsync("/health"));
        var page = await (await PageSession.SignedIn(app, "admin")).Html("/Admin/Backups");
        Assert.Contains("Lần sao lưu gần nhất thất bại.", WebUtility.HtmlDecode(page));
        Assert.Contains(good, page);

        Directory.Delete(blocked);
        await app.BackUp(folder);
        Assert.Equal("Healthy", await app.Anonymous().GetStringAsync("/health"));
        app.Clock.Now = app.Clock.Now + new BackupOptions().MaxAge + new BackupOptions().Grace + TimeSpan.FromMinutes(1);
        Assert.Equal("Degraded", await app.Anonymous().GetStringAsync("/health"));
        var overdue = WebUtility.HtmlDecode(await (await PageSession.SignedIn(app, "admin")).Html("/Admin/Backups"));
        Assert.Contains("đã cũ hơn lịch cho phép", overdue);
    }

    [BackupFact]
    public async Task ThePage_IsForAdministratorsOnly()
    {
        var session = await PageSession.SignedIn(app, Procedure.District);
        var response = await session.Get("/Admin/Backups");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/AccessDenied", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public void TheBackupJob_IsScheduledDailyInVietnamTime()
    {
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == nameof(BackupJob));
        Assert.Equal(new BackupOptions().Schedule, job.Cron);
        Assert.Equal("Asia/Ho_Chi_Minh", job.TimeZoneId);
    }

    [Fact]
    public async Task UpgradeFromTheMigrationBefore_AddsTheRunsTable()
    {
        await MigrationSteps.MigrateAsync(app, "BackupRuns", toBefore: true);
        await MigrationSteps.MigrateAsync(app, "BackupRuns", toBefore: false);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.BackupRuns.Add(BackupRun.Failure(app.Clock.Now.UtcDateTime, app.Clock.Now.UtcDateTime, "thử"));
        await db.SaveChangesAsync();
        Assert.Contains(await db.BackupRuns.AsNoTracking().ToListAsync(), r => r.Error == "thử");
    }
}
