using MediatR;
using NtmWorkflow.Web.Backups;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Infrastructure;
using NtmWorkflow.Web.Notifications;

namespace NtmWorkflow.Web.Features.Backups;

/// <summary>
/// One backup, by the scheduled job or the command line, recorded as a run either way. Not a transactional command:
/// the backup must not hold SQLite's write lock while it copies. A failure is logged, recorded, told to the
/// administrators and thrown again, so that the job fails where the dashboard shows it; earlier backups stay.
/// </summary>
public static class TakeBackup
{
    /// <summary>Returns how many blobs were copied.</summary>
    public sealed record Command : IRequest<int>, ISystemRequest
    {
        /// <summary>The backups folder; unset, the configured one.</summary>
        public string? Folder { get; init; }
    }

    internal sealed class Handler(AppDbContext db, BackupWriter writer, AdministratorNotice notice, TimeProvider clock, ILogger<Handler> logger)
        : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command command, CancellationToken cancellationToken)
        {
            var startedAt = clock.GetUtcNow().UtcDateTime;
            try
            {
                var result = await writer.TakeAsync(command.Folder, cancellationToken);
                db.BackupRuns.Add(BackupRun.Success(startedAt, clock.GetUtcNow().UtcDateTime, result.Name, result.Size, result.Documents, result.BlobsCopied));
                await db.SaveChangesAsync(cancellationToken);
                logger.LogInformation("Backup {Name} written to {Folder}: {Documents} documents, {Copied} blobs copied, {Removed} old backups removed",
                    result.Name, result.Folder, result.Documents, result.BlobsCopied, result.BackupsRemoved);
                return result.BlobsCopied;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var folder = command.Folder ?? writer.DefaultFolder;
                logger.LogError(e, "Backup into {Folder} failed", folder);
                var now = clock.GetUtcNow().UtcDateTime;
                db.ChangeTracker.Clear();
                db.BackupRuns.Add(BackupRun.Failure(startedAt, now, e.Message));
                await notice.QueueAsync("Sao lưu thất bại",
                    $"Sao lưu vào {folder} lúc {now:yyyy-MM-dd HH:mm} UTC thất bại: {e.Message}\nCác bản sao lưu trước vẫn được giữ nguyên.",
                    now, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                throw;
            }
        }
    }
}
