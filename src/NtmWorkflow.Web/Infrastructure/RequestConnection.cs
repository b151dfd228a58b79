using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Web.Data;

namespace NtmWorkflow.Web.Infrastructure;

/// <summary>
/// Opens the request's database connection once, before authentication, and keeps it until the request's context is
/// returned to the pool. Left to itself EF opens and closes it around every query: an API write made six to eight
/// opens, and each open of a pooled SQLite connection registers EF's SQL functions again and runs the durability
/// PRAGMA (on PostgreSQL, each reuse of a pooled connection starts with a reset). Static files, served earlier in the
/// pipeline, never open one. Holding a connection holds no lock: SQLite and PostgreSQL lock only inside transactions.
/// </summary>
internal static class RequestConnection
{
    public static IApplicationBuilder UseOneConnectionPerRequest(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            try
            {
                await context.RequestServices.GetRequiredService<AppDbContext>().Database.OpenConnectionAsync(context.RequestAborted);
            }
            catch (Exception e) when (DatabaseOutage.IsOutage(e))
            {
                // Unreachable now: the request goes on as if never opened, and answers as it always did without the
                // database (the health check's "Unhealthy", a 503 with Retry-After where it needs it).
            }
            await next(context);
        });
}
