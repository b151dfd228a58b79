using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;

namespace NtmWorkflow.Web.Features.Programme;

/// <summary>
/// What the reports read of the programme's yearly records: the current criteria status of each commune and the
/// plans of a year, inside a unit's subtree (a path range the indexes serve, as for dossiers).
/// </summary>
public static class ProgrammeQueries
{
    /// <summary>The current record of each criterion of each commune under <paramref name="scopePath"/> for a year.</summary>
    public static IQueryable<CriterionStatus> CurrentStatusesFor(this AppDbContext db, string scopePath, int year)
    {
        var end = UnitSubtree.End(scopePath);
        return db.CriterionStatuses.Where(s => s.Year == year && s.IsCurrent
            && s.UnitPath.CompareTo(scopePath) >= 0 && s.UnitPath.CompareTo(end) < 0);
    }

    /// <summary>The plans of a year under <paramref name="scopePath"/> that are not withdrawn (proposed or confirmed).</summary>
    public static IQueryable<AnnualPlan> PlansFor(this AppDbContext db, string scopePath, int year)
    {
        var end = UnitSubtree.End(scopePath);
        return db.AnnualPlans.Where(p => p.Year == year && p.Status != AnnualPlan.Withdrawn
            && p.UnitPath.CompareTo(scopePath) >= 0 && p.UnitPath.CompareTo(end) < 0);
    }

    /// <summary>
    /// The plans achieved: a recognition of the plan's commune at its level for its year achieved that year
    /// (<see cref="Recognition.AchievedItsYear"/>), as the report counts it.
    /// </summary>
    public static IQueryable<AnnualPlan> Achieved(this IQueryable<AnnualPlan> plans, AppDbContext db) =>
        plans.Where(p => db.Recognitions.Where(Recognition.AchievedItsYear).Any(r => r.UnitCode == p.UnitCode && r.Level == p.Level && r.Year == p.Year));
}
