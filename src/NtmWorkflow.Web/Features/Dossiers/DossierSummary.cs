using NtmWorkflow.Engine.Calendar;
using NtmWorkflow.Engine.Definitions;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;

namespace NtmWorkflow.Web.Features.Dossiers;

/// <summary>A dossier as a list shows it: where it stands and by when, without the caller-specific actions.</summary>
public sealed record DossierSummary(
    Guid Id,
    string UnitCode,
    string UnitName,
    string Level,
    int Year,
    WorkflowRef Workflow,
    string Stage,
    string StageTitle,
    string Status,
    int Version,
    DateTime? DueAt,
    int? WorkingDaysLeft,
    bool Overdue,
    int CriteriaMet,
    int CriteriaTotal,
    DateTime UpdatedAt);

/// <summary>
/// A list of the dossiers under a unit as ordered parts, shown one after another: e.g. those with a due date by date,
/// then those without. Each part is a filter and an order an index can serve, which one order putting the undated
/// last could not.
/// </summary>
internal sealed record DossierListing(string Scope, IReadOnlyList<Func<IQueryable<Dossier>, IQueryable<Dossier>>> Parts);

internal static class DossierSummaries
{
    /// <summary>
    /// Up to this many dossiers in a part are found by their unit path and then sorted; more are read in the order's
    /// own index, keeping those in scope, which stops after one page instead of sorting them all.
    /// </summary>
    private const int FewEnoughToSort = 2000;

    /// <summary>Counts and pages a listing, then names the stages from each dossier's pinned definition.</summary>
    public static async Task<Paged<DossierSummary>> PageAsync(
        DossierListing listing, AppDbContext db, DossierLookup lookup, WorkingCalendar calendar, DateTime now, int? page,
        int? pageSize, CancellationToken cancellationToken)
    {
        var counts = new List<int>(listing.Parts.Count);
        foreach (var part in listing.Parts)
        {
            counts.Add(await part(db.Dossiers.Under(listing.Scope)).CountAsync(cancellationToken));
        }
        var rows = new List<(Dossier Dossier, string UnitName)>();
        var skip = Paging.Skip(page, pageSize);
        for (var i = 0; i < listing.Parts.Count && rows.Count < Paging.Size(pageSize); i++)
        {
            if (skip >= counts[i])
            {
                skip -= counts[i];
                continue;
            }
            // A path match with LIKE is one no index serves, so the planner walks the order's index instead.
            var scoped = counts[i] <= FewEnoughToSort
                ? db.Dossiers.Under(listing.Scope)
                : db.Dossiers.Where(d => d.UnitPath.StartsWith(listing.Scope));
            var found = await listing.Parts[i](scoped)
                .Skip(skip)
                .Take(Paging.Size(pageSize) - rows.Count)
                .Join(db.Units, d => d.UnitCode, u => u.Code, (d, u) => new { Dossier = d, UnitName = u.Name })
                .AsNoTracking()
                .ToListAsync(cancellationToken);
            rows.AddRange(found.Select(r => (r.Dossier, r.UnitName)));
            skip = 0;
        }
        var items = new List<DossierSummary>(rows.Count);
        foreach (var (d, unitName) in rows)
        {
            items.Add(Summarise(d, unitName, await lookup.DefinitionOfAsync(d, cancellationToken), calendar, now));
        }
        return new Paged<DossierSummary>(items, counts.Sum(), page ?? 1, Paging.Size(pageSize));
    }

    public static DossierSummary Summarise(Dossier d, string unitName, WorkflowDefinition definition, WorkingCalendar calendar, DateTime now)
    {
        var deadline = DeadlineStatus.For(d.DueAt, now, calendar);
        return new DossierSummary(
            d.Id, d.UnitCode, unitName, d.Level, d.Year,
            new WorkflowRef(definition.Id, definition.Version, definition.Title),
            d.Stage, definition.TitleOf(d.Stage), d.Status, d.Version, d.DueAt, deadline.WorkingDaysLeft, deadline.Overdue, d.CriteriaMet, d.CriteriaTotal, d.UpdatedAt);
    }
}
