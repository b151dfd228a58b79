using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NtmWorkflow.Web.Backups;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>
/// Backups taken while the system works, and restored into a fresh place: whole, consistent, verified, incremental;
/// a damaged or incomplete backup is refused with the file named. On SQLite, or on PostgreSQL with pg_dump.
/// </summary>
public sealed class BackupTests(BackupApp app) : IClassFixture<BackupApp>
{
    private readonly Procedure procedure = new(app);

    [BackupFact]
    public async Task BackupWhileActionsAndUploadsRun_RestoresEverythingAcknowledgedBeforeIt_WithEveryBlob()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.Create(commune);
        var documents = new ConcurrentQueue<string>();
        var dossiers = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        var uploads = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var uploaded = await Procedure.Must(await procedure.Upload(commune.Officer, dossier, "anh-minh-hoa", "a.pdf", Procedure.Pdf(4000)));
                documents.Enqueue(uploaded.GetProperty("id").GetString()!);
            }
        });
        var creations = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                dossiers.Enqueue(Procedure.Id(await procedure.Create(await app.NewCommune())));
            }
        });
        while (documents.Count < 5 || dossiers.Count < 2)
        {
            await Task.Delay(20);
        }

        var acknowledgedDocuments = documents.ToArray();
        var acknowledgedDossiers = dossiers.ToArray();
        var folder = app.NewBackupsFolder();
        await app.BackUp(folder);
        var afterwards = documents.Count;
        while (documents.Count < afterwards + 3)
        {
            await Task.Delay(20);
        }
        await stop.CancelAsync();
        await Task.WhenAll(uploads, creations);

        var backup = new BackupFolder(folder).CompleteBackups().Single();
        var manifest = await BackupManifest.ReadAsync(Path.Combine(folder, backup), CancellationToken.None);
        await manifest.VerifyAsync(folder, CancellationToken.None);
        var target = app.NewRestoreTarget();
        var report = await app.Restorer(target).RestoreAsync(Path.Combine(folder, backup), force: false, CancellationToken.None);

        await using var restored = target.Database.OpenContext();
        var restoredDocuments = await restored.Documents.Select(d => d.Id).ToListAsync();
        var restoredDossiers = await restored.Dossiers.Select(d => d.Id).ToListAsync();
        Assert.Empty(acknowledgedDocuments.Select(Guid.Parse).Except(restoredDocuments));
        Assert.Empty(acknowledgedDossiers.Select(Guid.Parse).Except(restoredDossiers));
        Assert.True(report.Healthy, $"{report.Missing.Count} missing, {report.Corrupt.Count} corrupt");
        Assert.Equal(restoredDocuments.Count, report.Checked);
        Assert.Equal(restoredDocuments.Count, manifest.Documents);
        // The blobs backed up are exactly those of the rows in the snapshot: none more, none fewer.
        var restoredHashes = await restored.Documents.Select(d => d.Sha256).Distinct().ToListAsync();
        Assert.Equal(restoredHashes.Order(), manifest.Blobs.Select(b => b.Sha256).Order());
    }

    [BackupFact]
    public async Task ASecondBackup_CopiesNoBlobAlreadyStored_OnlyNewOnes()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.Create(commune);
        await procedure.Upload(commune.Officer, dossier, "anh-minh-hoa", "a.pdf", Procedure.Pdf(3000));
        var folder = app.NewBackupsFolder();
        await app.BackUp(folder);
        var first = await LastRunAsync();
        var blob = Directory.EnumerateFiles(Path.Combine(folder, BackupFolder.BlobsFolder), "*", SearchOption.AllDirectories).First();
        var written = File.GetLastWriteTimeUtc(blob);

        await app.BackUp(folder);
        var second = await LastRunAsync();
        var added = await Procedure.Must(await procedure.Upload(commune.Officer, dossier, "anh-minh-hoa", "b.pdf", Procedure.Pdf(3000)));
        await app.BackUp(folder);
        var third = await LastRunAsync();

        Assert.True(first.BlobsCopied > 0);
        Assert.Equal(0, second.BlobsCopied);
        Assert.Equal(written, File.GetLastWriteTimeUtc(blob));
        Assert.Equal(1, third.BlobsCopied);
        Assert.True(File.Exists(Path.Combine(folder, BackupFolder.BlobPath(added.GetProperty("sha256").GetString()!))));
        Assert.Equal(first.Documents + 1, third.Documents);
    }

    [BackupFact]
    public async Task Retention_KeepsTheNewestBackups_AndBlobsNoKeptManifestNames()
    {
        var folder = app.NewBackupsFolder();
        await app.BackUp(folder);
        var oldest = new BackupFolder(folder).CompleteBackups().Single();
        var stray = Path.Combine(folder, BackupFolder.BlobPath(new string('e', 64)));
        Directory.CreateDirectory(Path.GetDirectoryName(stray)!);
        await File.WriteAllTextAsync(stray, "không bản kê nào nhắc đến");

        for (var i = 0; i < BackupApp.Retention; i++)
        {
            await app.BackUp(folder);
        }

        var kept = new BackupFolder(folder).CompleteBackups();
        Assert.Equal(BackupApp.Retention, kept.Count);
        Assert.DoesNotContain(oldest, kept);
        Assert.False(Directory.Exists(Path.Combine(folder, oldest)));
        Assert.False(File.Exists(stray));
        foreach (var name in kept)
        {
            await (await BackupManifest.ReadAsync(Path.Combine(folder, name), CancellationToken.None)).VerifyAsync(folder, CancellationToken.None);
        }
    }

    [BackupFact]
    public async Task Restore_OfACorruptedBlob_IsRefusedNamingIt_AndTouchesNothing()
    {
        var (folder, backup, manifest) = await BackupWithADocumentAsync();
        var blob = manifest.Blobs.First();
        await File.WriteAllTextAsync(Path.Combine(folder, blob.Path), "%PDF-1.7 đã bị sửa");
        var target = app.NewRestoreTarget();

        var refused = await Assert.ThrowsAsync<BackupDamagedException>(
            () => app.Restorer(target).RestoreAsync(backup, force: false, CancellationToken.None));

        Assert.Equal(blob.Path, refused.DamagedFile);
        Assert.False(Directory.Exists(Path.GetDirectoryName(target.StorageRoot)));
        var (code, output) = await CommandAsync("restore", backup, "--to", app.NewBackupsFolder());
        Assert.Equal(2, code);
        Assert.Contains(blob.Path, output);
    }

    [BackupFact]
    public async Task Restore_OfABackupMissingItsDatabase_IsRefusedNamingIt()
    {
        var (_, backup, manifest) = await BackupWithADocumentAsync();
        var database = Path.Combine(backup, manifest.Database);
        File.Delete(database);

        var (code, output) = await CommandAsync("restore", backup, "--to", app.NewBackupsFolder());

        Assert.Equal(2, code);
        Assert.Contains($"{manifest.Name}/{manifest.Database} không có", output);
    }

    [BackupFact]
    public async Task Restore_OverADatabaseThatIsThere_NeedsForce()
    {
        var (_, backup, _) = await BackupWithADocumentAsync();
        var target = app.NewRestoreTarget();
        Assert.True((await app.Restorer(target).RestoreAsync(backup, force: false, CancellationToken.None)).Healthy);

        await Assert.ThrowsAsync<LiveDatabaseException>(() => app.Restorer(target).RestoreAsync(backup, force: false, CancellationToken.None));
        var forced = await app.Restorer(target).RestoreAsync(backup, force: true, CancellationToken.None);

        Assert.True(forced.Healthy);
        Assert.True(forced.Checked > 0);
        // The command line, over the running app's own database: refused, whatever the provider.
        var (code, output) = await CommandAsync("restore", backup);
        Assert.Equal(2, code);
        Assert.Contains("--force", output);
    }

    [BackupFact]
    public async Task TheBackupCommand_IntoAFolderThatCannotBeMade_SaysItFailed_AndRecordsTheRun()
    {
        var file = Path.Combine(app.NewBackupsFolder(), "a-file");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, "not a folder");

        var (code, output) = await CommandAsync("backup", Path.Combine(file, "backups"));

        Assert.Equal(2, code);
        Assert.StartsWith("Sao lưu thất bại: ", output);
        var run = await LastRunAsync();
        Assert.False(run.Succeeded);
        Assert.False(string.IsNullOrEmpty(run.Error));
    }

    [BackupFact]
    public async Task ARestoreWhoseDocumentLacksItsBlob_ReportsItAsVerifyStorageDoes()
    {
        var (_, backup, manifest) = await BackupWithADocumentAsync();
        // A manifest that verifies but leaves a blob out: what a backup store tampered with by hand could hold.
        var left = manifest.Blobs.First();
        File.Delete(Path.Combine(backup, BackupManifest.FileName));
        await (manifest with { Files = manifest.Files.Where(f => f != left).ToList() }).WriteAsync(backup, CancellationToken.None);

        var report = await app.Restorer(app.NewRestoreTarget()).RestoreAsync(backup, force: false, CancellationToken.None);

        Assert.False(report.Healthy);
        Assert.All(report.Missing, missing => Assert.Equal(left.Sha256, missing.Sha256));
        Assert.NotEmpty(report.Missing);
    }

    [BackupFact]
    public async Task AnInterruptedBackup_LeavesNothingThatLooksComplete()
    {
        var folder = app.NewBackupsFolder();
        var backups = new BackupFolder(folder);
        // What a kill -9 after the snapshot leaves: the partial folder with its database and no manifest.
        var partial = backups.StartPartial(BackupFolder.NameAt(app.Clock.Now.UtcDateTime));
        await DatabaseBackups.For(app.Services.GetRequiredService<DatabaseConnection>(), new BackupOptions()).TakeAsync(partial, CancellationToken.None);

        Assert.Empty(backups.CompleteBackups());
        var (code, output) = await CommandAsync("restore", partial, "--to", app.NewBackupsFolder());
        Assert.Equal(2, code);
        Assert.Contains(BackupManifest.FileName, output);
    }

    private async Task<(string Folder, string Backup, BackupManifest Manifest)> BackupWithADocumentAsync()
    {
        var commune = await app.NewCommune();
        await procedure.Upload(commune.Officer, await procedure.Create(commune), "anh-minh-hoa", "a.pdf", Procedure.Pdf(3000));
        var folder = app.NewBackupsFolder();
        await app.BackUp(folder);
        var backup = Path.Combine(folder, new BackupFolder(folder).CompleteBackups().Single());
        return (folder, backup, await BackupManifest.ReadAsync(backup, CancellationToken.None));
    }

    private async Task<Domain.BackupRun> LastRunAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().BackupRuns.AsNoTracking()
            .OrderByDescending(r => r.Id).FirstAsync();
    }

    private async Task<(int Code, string Output)> CommandAsync(params string[] args)
    {
        var output = new StringWriter();
        var code = await BackupCommands.RunAsync(args, app.Services, output);
        return (code, output.ToString());
    }
}
