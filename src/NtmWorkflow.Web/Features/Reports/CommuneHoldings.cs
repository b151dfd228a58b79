using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Engine;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;

namespace NtmWorkflow.Web.Features.Reports;

/// <summary>
/// The one rule for "a commune holds a level", which the reports and the home page's chart both read: the communes
/// (of today's kind or of the paper era) in force on a reference day under a unit, each with the recognitions that stood
/// on that day; a level held brings the levels it presupposes.
/// </summary>
public sealed record CommuneHoldings(string Code, string Name, string Path, IReadOnlyList<Recognition> Recognitions)
{
    /// <summary>The levels held, each with the levels it presupposes (nâng cao is held by an NTM commune).</summary>
    public IReadOnlySet<string> Held { get; } = WithPrerequisites(Recognitions.Select(r => r.Level));

    /// <summary>
    /// The communes under <paramref name="scopePath"/> in force on <paramref name="day"/> (begun by then and not yet
    /// ended), in Vietnamese order, with their recognitions for a year up to <paramref name="year"/> that stood on it.
    /// </summary>
    public static async Task<IReadOnlyList<CommuneHoldings>> LoadAsync(
        AppDbContext db, string scopePath, int year, DateOnly day, CancellationToken cancellationToken)
    {
        var end = UnitSubtree.End(scopePath);
        var units = await db.Units.AsNoTracking()
            .Where(u => (u.Kind == UnitKinds.Xa || u.Kind == UnitKinds.LegacyCommune) && u.Path.CompareTo(scopePath) >= 0 && u.Path.CompareTo(end) < 0
                && (u.ValidFrom == null || u.ValidFrom <= day) && (u.DissolvedOn == null || u.DissolvedOn > day))
            .Select(u => new { u.Code, u.Name, u.Path })
            .ToListAsync(cancellationToken);
        var recognitions = (await db.Recognitions.AsNoTracking()
                .Where(r => r.UnitPath.CompareTo(scopePath) >= 0 && r.UnitPath.CompareTo(end) < 0 && (r.Year == null || r.Year <= year))
                .Where(Recognition.StandingOn(day))
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.UnitCode);
        return units.OrderBy(u => u.Name, StringComparer.Create(ReportText.Vietnamese, false)).ThenBy(u => u.Code, StringComparer.Ordinal)
            .Select(u => new CommuneHoldings(u.Code, u.Name, u.Path, recognitions[u.Code].ToList()))
            .ToList();
    }

    public static HashSet<string> WithPrerequisites(IEnumerable<string> levels)
    {
        var held = new HashSet<string>();
        foreach (var level in levels)
        {
            var implied = level;
            while (implied is not null && held.Add(implied))
            {
                implied = Levels.Prerequisite(implied);
            }
        }
        return held;
    }
}
