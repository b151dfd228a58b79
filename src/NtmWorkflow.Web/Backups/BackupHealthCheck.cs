using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using NtmWorkflow.Web.Data;

namespace NtmWorkflow.Web.Backups;

/// <summary>Degraded, not unhealthy, when backups fall behind: the system still serves, but an operator must look.</summary>
internal sealed class BackupHealthCheck(AppDbContext db, IOptions<BackupOptions> options, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = await BackupStatus.ReadAsync(db, options.Value, clock.GetUtcNow().UtcDateTime, cancellationToken);
        return status.Description is { } warning ? HealthCheckResult.Degraded(warning) : HealthCheckResult.Healthy();
    }
}
