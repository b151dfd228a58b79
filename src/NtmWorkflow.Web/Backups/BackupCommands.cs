using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Features.Backups;
using NtmWorkflow.Web.Features.Documents;
using NtmWorkflow.Web.Storage;

namespace NtmWorkflow.Web.Backups;

/// <summary>
/// <c>dotnet run -- backup [folder]</c> and <c>dotnet run -- restore &lt;backup&gt; [--to folder] [--force]</c>, run in
/// place of the server. Exit codes: 0 done; 1 restored but verify-storage found problems; 2 refused (damaged backup,
/// a database already there, bad arguments) or the backup failed.
/// </summary>
public static class BackupCommands
{
    public const string Backup = "backup";
    public const string Restore = "restore";
    private const string To = "--to";
    private const string Force = "--force";

    public static bool Handles(string[] args) => args.FirstOrDefault() is Backup or Restore;

    public static async Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter output)
    {
        await using var scope = services.CreateAsyncScope();
        try
        {
            return args[0] == Backup
                ? await BackupAsync(args.ElementAtOrDefault(1), scope.ServiceProvider, output)
                : await RestoreAsync(args[1..], scope.ServiceProvider, output);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The cause in one line: a failed backup's details are in the log already. A refusal explains itself in
            // Vietnamese; anything else (the file system's own message) is said to be a failure first.
            output.WriteLine(args[0] == Backup ? $"Sao lưu thất bại: {e.Message}" : e.Message);
            return 2;
        }
    }

    private static async Task<int> BackupAsync(string? folder, IServiceProvider services, TextWriter output)
    {
        var db = services.GetRequiredService<AppDbContext>();
        await DatabaseSetup.MigrateAsync(db, CancellationToken.None);
        await services.GetRequiredService<IMediator>().Send(new TakeBackup.Command { Folder = folder });
        var run = await db.BackupRuns.AsNoTracking().OrderByDescending(r => r.FinishedAt).FirstAsync();
        output.WriteLine($"Đã sao lưu {run.Name} vào {folder ?? services.GetRequiredService<BackupWriter>().DefaultFolder}: " +
            $"{run.Documents} tài liệu, {run.BlobsCopied} tệp mới chép, {run.Size} byte.");
        return 0;
    }

    private static async Task<int> RestoreAsync(string[] args, IServiceProvider services, TextWriter output)
    {
        var toAt = Array.IndexOf(args, To);
        var to = toAt < 0 ? null : args.ElementAtOrDefault(toAt + 1);
        var backup = args.Where((_, i) => toAt < 0 || i != toAt + 1).FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        if (backup is null || (toAt >= 0 && to is null))
        {
            throw new ArgumentException("Cách dùng: restore <thư mục bản sao lưu> [--to thư mục] [--force]");
        }
        var database = services.GetRequiredService<DatabaseConnection>();
        var storageRoot = Path.GetFullPath(services.GetRequiredService<IOptions<StorageOptions>>().Value.Root,
            services.GetRequiredService<IHostEnvironment>().ContentRootPath);
        if (to is not null)
        {
            to = Path.GetFullPath(to);
            storageRoot = Path.Combine(to, "files");
            if (database.Provider == DatabaseSetup.Sqlite)
            {
                database = database with { ConnectionString = $"Data Source={Path.Combine(to, SqliteDatabaseBackup.SnapshotFile)}" };
            }
        }
        var restorer = new BackupRestorer(DatabaseBackups.For(database, services.GetRequiredService<IOptions<BackupOptions>>().Value),
            storageRoot, services.GetRequiredService<IHostEnvironment>());
        var report = await restorer.RestoreAsync(backup, args.Contains(Force), CancellationToken.None);
        output.WriteLine($"Đã khôi phục {backup}: bản kê khớp; cơ sở dữ liệu và kho tài liệu tại {to ?? storageRoot}.");
        return VerifyStorage.Print(report, output);
    }
}
