using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NtmWorkflow.Web.Data;

namespace NtmWorkflow.Web.Infrastructure;

internal sealed class DatabaseHealthCheck(AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("Không kết nối được cơ sở dữ liệu.");

    /// <summary>
    /// The health check's answer: the status as a word, as before, and while unhealthy (503) the same Retry-After as
    /// every other request that needs the database, so a load balancer or monitor knows when to look again.
    /// </summary>
    public static readonly HealthCheckOptions Answer = new()
    {
        ResponseWriter = (context, report) =>
        {
            if (report.Status == HealthStatus.Unhealthy)
            {
                RetryAfterHeader.Set(context.Response, DatabaseOutage.RetryAfter);
            }
            context.Response.ContentType = "text/plain; charset=utf-8";
            return context.Response.WriteAsync(report.Status.ToString());
        },
    };
}
