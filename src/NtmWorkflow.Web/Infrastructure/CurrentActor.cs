using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
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

/// <summary>
/// The path of each unit as read from the database. A unit's path is made of codes when the unit is added and never
/// changes after (units are renamed, never moved), so it is read once per process rather than on every request.
/// </summary>
internal sealed class UnitPaths
{
    private readonly ConcurrentDictionary<string, string> paths = new();

    public async Task<string?> FindAsync(AppDbContext db, string unitCode, CancellationToken cancellationToken)
    {
        if (paths.TryGetValue(unitCode, out var known))
        {
            return known;
        }
        var path = await db.Units.AsNoTracking().Where(u => u.Code == unitCode).Select(u => u.Path).FirstOrDefaultAsync(cancellationToken);
        return path is null ? null : paths.GetOrAdd(unitCode, path);
    }
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
