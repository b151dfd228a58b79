using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Web.Data;

namespace NtmWorkflow.Web.Storage;

/// <summary>
/// Removes what an interrupted upload leaves behind: staged files, and blobs that no document row references
/// (the upload crashed or was refused between the rename and the commit). Only after a day, so an upload in flight
/// is never touched.
/// </summary>
public sealed class StorageCleanup(AppDbContext db, IDocumentStorage storage, TimeProvider clock)
{
    public static readonly TimeSpan Grace = TimeSpan.FromDays(1);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var referenced = (await db.Documents.Select(d => d.Sha256).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        return storage.DeleteStale(referenced.Contains, clock.GetUtcNow().UtcDateTime - Grace);
    }
}

/// <summary>Runs the cleanup once an hour on every instance; it is idempotent, so instances need not agree who runs it.</summary>
internal sealed class StorageCleanupService(IServiceProvider services, TimeProvider clock, ILogger<StorageCleanupService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                using var scope = services.CreateScope();
                var removed = await scope.ServiceProvider.GetRequiredService<StorageCleanup>().RunAsync(stoppingToken);
                if (removed > 0)
                {
                    logger.LogInformation("Storage cleanup removed {Count} stale files", removed);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Storage cleanup failed; it will run again in an hour");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
