using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;

namespace NtmWorkflow.Web.Backups;

/// <summary>
/// Whether backups are as the schedule wants them, for the administration page and the health check: the last run
/// failed, or the last success is older than <see cref="BackupOptions.MaxAge"/> plus the grace, is a warning. With no
/// run recorded yet there is nothing to judge (a new installation before its first scheduled backup).
/// </summary>
public sealed record BackupStatus(BackupRun? LastRun, BackupRun? LastSuccess, string? Warning)
{
    public static async Task<BackupStatus> ReadAsync(AppDbContext db, BackupOptions options, DateTime now, CancellationToken cancellationToken)
    {
        var lastRun = await db.BackupRuns.AsNoTracking().OrderByDescending(r => r.FinishedAt).FirstOrDefaultAsync(cancellationToken);
        var lastSuccess = lastRun is { Succeeded: true } ? lastRun
            : await db.BackupRuns.AsNoTracking().Where(r => r.Succeeded).OrderByDescending(r => r.FinishedAt).FirstOrDefaultAsync(cancellationToken);
        return new BackupStatus(lastRun, lastSuccess, (lastRun, lastSuccess) switch
        {
            (null, _) => null,
            (_, null) => "Chưa có lần sao lưu nào thành công.",
            (_, var success) when now - success.FinishedAt > options.MaxAge + options.Grace =>
                $"Bản sao lưu thành công gần nhất đã cũ hơn lịch cho phép (từ {success.FinishedAt:yyyy-MM-dd HH:mm} UTC).",
            ({ Succeeded: false }, _) => "Lần sao lưu gần nhất thất bại.",
            _ => null,
        });
    }
}
