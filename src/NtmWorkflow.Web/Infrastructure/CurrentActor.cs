using System.Security.Claims;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;

namespace NtmWorkflow.Web.Infrastructure;

public interface ICurrentActor
{
    /// <summary>The signed-in official, or null for an anonymous caller.</summary>
    Task<Actor?> FindAsync(CancellationToken cancellationToken);
}

public static class CurrentActorExtensions
{
    public static async Task<Actor> RequireAsync(this ICurrentActor actors, CancellationToken cancellationToken) =>
        await actors.FindAsync(cancellationToken)
        ?? throw ProblemException.Unauthorized("Bạn cần đăng nhập để thực hiện thao tác này.");
}

/// <summary>Reads the official from the request's claims; the unit's path comes from the database, not the token.</summary>
internal sealed class HttpCurrentActor(IHttpContextAccessor http, AppDbContext db, UnitPaths unitPaths) : ICurrentActor
{
    public const string UnitClaim = "ntm:unit";

    private Actor? cached;

    public async Task<Actor?> FindAsync(CancellationToken cancellationToken)
    {
        if (cached is not null)
        {
            return cached;
        }
        var user = http.HttpContext?.User;
        if (user?.Identity?.IsAuthenticated != true || user.FindFirstValue(UnitClaim) is not { } unitCode)
        {
            return null;
        }
        var unitPath = await unitPaths.FindAsync(db, unitCode, cancellationToken);
        if (unitPath is null)
        {
            return null;
        }
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
        cached = new Actor(user.Identity.Name ?? "", roles, unitCode, unitPath) { UserId = user.FindFirstValue(ClaimTypes.NameIdentifier) };
        return cached;
    }
}
