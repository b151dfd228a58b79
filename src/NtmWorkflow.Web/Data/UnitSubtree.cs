using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Web.Domain;

namespace NtmWorkflow.Web.Data;

/// <summary>The dossiers of a unit and of every unit under it, as a range of paths that an index serves.</summary>
internal static class UnitSubtree
{
    /// <summary>
    /// Every path under "/vn/dt/" sorts at or after it and before "/vn/dt0" ('0' is the character after '/'), in the
    /// byte order SQLite compares by and PostgreSQL does with the "C" collation these columns carry there.
    /// </summary>
    public static IQueryable<Dossier> Under(this IQueryable<Dossier> dossiers, string path)
    {
        var end = End(path);
        return dossiers.Where(d => d.UnitPath.CompareTo(path) >= 0 && d.UnitPath.CompareTo(end) < 0);
    }

    /// <summary>The first path after the subtree of <paramref name="path"/> (which ends in '/').</summary>
    public static string End(string path) => path[..^1] + "0";

    /// <summary>
    /// After a unit moved from path <paramref name="from"/> to <paramref name="to"/>: the dossiers, recognitions, criteria statuses and
    /// plans of its subtree carry the new path, in one statement each, inside the caller's transaction.
    /// </summary>
    public static async Task MoveRecordsAsync(this AppDbContext db, string from, string to, CancellationToken cancellationToken)
    {
        var cut = from.Length;
        await db.Dossiers.Under(from)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.UnitPath, d => to + d.UnitPath.Substring(cut)), cancellationToken);
        await db.Recognitions.Where(r => r.UnitPath.StartsWith(from))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.UnitPath, r => to + r.UnitPath.Substring(cut)), cancellationToken);
        await db.CriterionStatuses.Where(r => r.UnitPath.StartsWith(from))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.UnitPath, r => to + r.UnitPath.Substring(cut)), cancellationToken);
        await db.AnnualPlans.Where(r => r.UnitPath.StartsWith(from))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.UnitPath, r => to + r.UnitPath.Substring(cut)), cancellationToken);
    }
}
