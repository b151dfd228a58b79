using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Engine;
using NtmWorkflow.Engine.Criteria;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Features.Programme;
using NtmWorkflow.Web.Workflows;

namespace NtmWorkflow.Web.Features.Reports;

/// <summary>A commune counted in a report, with what the figures read of it.</summary>
/// <param name="Held">The levels it holds by recognitions standing on the reference day, each with the levels it presupposes.</param>
/// <param name="HeldInPeriod">The same, from recognitions for years of the report's period only (what the targets count).</param>
/// <param name="Achieved">The levels it was recognised at for the report's year itself (what planned against achieved counts).</param>
/// <param name="Status">Its current criteria status for the year, or null when none is recorded.</param>
/// <param name="Planned">The levels of its confirmed plans for the year.</param>
public sealed record ReportCommune(
    string Code, string Name, IReadOnlySet<string> Held, IReadOnlySet<string> HeldInPeriod, IReadOnlySet<string> Achieved,
    CommuneStatus? Status, IReadOnlyList<string> Planned);

/// <param name="MetNumbers">The numbers of the criteria met.</param>
/// <param name="Unconfirmed">Some of its records still wait for the province's confirmation.</param>
public sealed record CommuneStatus(IReadOnlySet<int> MetNumbers, bool Unconfirmed)
{
    public int Met => MetNumbers.Count;
}

/// <summary>
/// Everything the figures of one scope and year are computed from, read in four queries over the tables the
/// procedure and the yearly records write: the communes in force, their standing recognitions, their current criteria
/// status against the period's commune set, and the confirmed plans.
/// </summary>
public sealed record ReportData(ReportScope Scope, IReadOnlyList<ReportCommune> Communes, CriteriaSet? CriteriaSet)
{
    public int Total => Communes.Count;

    /// <summary>The share of the communes in scope, in percent to one decimal (0 when the scope holds none).</summary>
    public decimal Percent(int count) => Total == 0 ? 0 : Math.Round(count * 100m / Total, 1, MidpointRounding.AwayFromZero);

    public static async Task<ReportData> LoadAsync(AppDbContext db, CriteriaRegistry criteria, ReportScope scope, CancellationToken cancellationToken)
    {
        var (path, end, year, day) = (scope.Unit.Path, UnitSubtree.End(scope.Unit.Path), scope.Year, scope.ReferenceDay);
        var units = await db.Units.AsNoTracking()
            .Where(u => (u.Kind == UnitKinds.Xa || u.Kind == UnitKinds.LegacyCommune) && u.Path.CompareTo(path) >= 0 && u.Path.CompareTo(end) < 0)
            .Select(u => new { u.Code, u.Name, u.ValidFrom, u.DissolvedOn })
            .ToListAsync(cancellationToken);
        var counted = units.Where(u => scope.Counts(u.ValidFrom, u.DissolvedOn)).OrderBy(u => u.Name, StringComparer.Create(ReportText.Vietnamese, false))
            .ThenBy(u => u.Code, StringComparer.Ordinal).ToList();

        // A recognition revoked after the reference day still stood on it.
        var recognitions = (await db.Recognitions.AsNoTracking()
                .Where(r => r.UnitPath.CompareTo(path) >= 0 && r.UnitPath.CompareTo(end) < 0 && (r.Year == null || r.Year <= year)
                    && ((r.RevokedByDossierId == null && r.RevocationNumber == null) || r.RevocationDate > day))
                .Select(r => new { r.UnitCode, r.Level, r.Year })
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.UnitCode);

        var setId = scope.Period.CommuneCriteriaSet;
        var set = setId is null ? null : criteria.Current(setId);
        var statuses = setId is null
            ? Enumerable.Empty<(string UnitCode, int Number, bool Met, bool Confirmed)>().ToLookup(s => s.UnitCode)
            : (await db.CurrentStatusesFor(path, year).AsNoTracking().Where(s => s.CriteriaSetId == setId)
                .Select(s => new { s.UnitCode, s.Number, s.Met, Confirmed = s.ConfirmedAt != null })
                .ToListAsync(cancellationToken))
            .Select(s => (s.UnitCode, s.Number, s.Met, s.Confirmed)).ToLookup(s => s.UnitCode);

        var plans = (await db.PlansFor(path, year).AsNoTracking().Where(p => p.Status == AnnualPlan.Confirmed)
                .Select(p => new { p.UnitCode, p.Level }).ToListAsync(cancellationToken))
            .ToLookup(p => p.UnitCode, p => p.Level);

        var from = scope.Period.FromYear;
        var communes = counted.Select(u =>
        {
            var held = recognitions[u.Code].ToList();
            var recorded = statuses[u.Code].ToList();
            return new ReportCommune(
                u.Code, u.Name,
                WithPrerequisites(held.Select(r => r.Level)),
                WithPrerequisites(held.Where(r => r.Year >= from).Select(r => r.Level)),
                held.Where(r => r.Year == year).Select(r => r.Level).ToHashSet(),
                recorded.Count == 0 ? null : new CommuneStatus(recorded.Where(s => s.Met).Select(s => s.Number).ToHashSet(), recorded.Any(s => !s.Confirmed)),
                plans[u.Code].Distinct().ToList());
        }).ToList();
        return new ReportData(scope, communes, set);
    }

    /// <summary>A commune recognised at a level holds the levels it presupposes (nâng cao is held by an NTM commune).</summary>
    private static HashSet<string> WithPrerequisites(IEnumerable<string> levels)
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
