using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Web.Data;

namespace NtmWorkflow.Web.Infrastructure;

/// <summary>
/// The path of each unit as read from the database, kept for a short while so that a request need not read it again.
/// A move changes paths: the instance that moved the unit forgets every path at once (<see cref="Forget"/>), so its
/// next request sees the move; another instance sees it once its copy is older than <see cref="Lifetime"/>.
/// </summary>
internal sealed class UnitPaths(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, (string Path, DateTimeOffset ReadAt)> paths = new();

    public async Task<string?> FindAsync(AppDbContext db, string unitCode, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (paths.TryGetValue(unitCode, out var known) && now - known.ReadAt < Lifetime && now >= known.ReadAt)
        {
            return known.Path;
        }
        var path = await db.Units.AsNoTracking().Where(u => u.Code == unitCode).Select(u => u.Path).FirstOrDefaultAsync(cancellationToken);
        if (path is not null)
        {
            paths[unitCode] = (path, now);
        }
        return path;
    }

    /// <summary>After a move, for this instance's next request to read the new paths.</summary>
    public void Forget() => paths.Clear();
}
