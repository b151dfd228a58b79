using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Web.Data;

namespace NtmWorkflow.Web.Infrastructure;

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
