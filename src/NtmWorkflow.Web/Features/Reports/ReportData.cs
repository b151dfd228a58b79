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
/// <param name="Achieved">The levels it was recognised at for the report's year itself and not revoked before that year ended (what planned against achieved counts).</param>
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
        var (path, year) = (scope.Unit.Path, scope.Year);
        var holdings = await CommuneHoldings.LoadAsync(db, path, year, scope.ReferenceDay, cancellationToken);

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
        var communes = holdings.Select(h =>
        {
            var recorded = statuses[h.Code].ToList();
            return new ReportCommune(
                h.Code, h.Name,
                h.Held,
                CommuneHoldings.WithPrerequisites(h.Recognitions.Where(r => r.Year >= from).Select(r => r.Level)),
                h.Recognitions.Where(r => r.Year == year && r.AchievesItsYear).Select(r => r.Level).ToHashSet(),
                recorded.Count == 0 ? null : new CommuneStatus(recorded.Where(s => s.Met).Select(s => s.Number).ToHashSet(), recorded.Any(s => !s.Confirmed)),
                plans[h.Code].Distinct().ToList());
        }).ToList();
        return new ReportData(scope, communes, set);
    }
}
