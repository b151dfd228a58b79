using Microsoft.Extensions.Diagnostics.HealthChecks;
using NtmWorkflow.Web.Data;

namespace NtmWorkflow.Web.Infrastructure;

internal sealed class DatabaseHealthCheck(AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("Không kết nối được cơ sở dữ liệu.");
}
