using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;

namespace NtmWorkflow.Web.Backups;

public enum BackupWarning
{
    /// <summary>Runs were recorded, none succeeded.</summary>
    NeverSucceeded,

    /// <summary>The last success is older than the schedule allows.</summary>
    Overdue,

    /// <summary>The last run failed (an earlier success is still recent enough).</summary>
    LastFailed,
}

/// <summary>
/// Whether backups are as the schedule wants them, for the administration page and the health check: the last run
/// failed, or the last success is older than <see cref="BackupOptions.MaxAge"/> plus the grace, is a warning. With no
/// run recorded yet there is nothing to judge (a new installation before its first scheduled backup).
/// </summary>
public sealed record BackupStatus(BackupRun? LastRun, BackupRun? LastSuccess, BackupWarning? Warning)
{
    public static async Task<BackupStatus> ReadAsync(AppDbContext db, BackupOptions options, DateTime now, CancellationToken cancellationToken)
    {
        var lastRun = await db.BackupRuns.AsNoTracking().OrderByDescending(r => r.FinishedAt).FirstOrDefaultAsync(cancellationToken);
        var lastSuccess = lastRun is { Succeeded: true } ? lastRun
            : await db.BackupRuns.AsNoTracking().Where(r => r.Succeeded).OrderByDescending(r => r.FinishedAt).FirstOrDefaultAsync(cancellationToken);
        return new BackupStatus(lastRun, lastSuccess, (lastRun, lastSuccess) switch
        {
            (null, _) => null,
            (_, null) => BackupWarning.NeverSucceeded,
            (_, var success) when now - success.FinishedAt > options.MaxAge + options.Grace => BackupWarning.Overdue,
            ({ Succeeded: false }, _) => BackupWarning.LastFailed,
            _ => null,
        });
    }

    /// <summary>The warning for a monitor, in Vietnamese.</summary>
    public string? Description => Warning switch
    {
        BackupWarning.NeverSucceeded => "Chưa có lần sao lưu nào thành công.",
        BackupWarning.Overdue => $"Bản sao lưu thành công gần nhất ({LastSuccess!.FinishedAt:yyyy-MM-dd HH:mm} UTC) đã cũ hơn lịch cho phép.",
        BackupWarning.LastFailed => "Lần sao lưu gần nhất thất bại.",
        _ => null,
    };
}
