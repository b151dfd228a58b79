using NtmWorkflow.Engine.Calendar;
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

internal static class DossierSummaries
{
    /// <summary>Counts and pages a filtered query, then names the stages from each dossier's pinned definition.</summary>
    public static async Task<Paged<DossierSummary>> PageAsync(
        IQueryable<Dossier> filtered, AppDbContext db, DossierLookup lookup, WorkingCalendar calendar, DateTime now, int? page,
        int? pageSize, CancellationToken cancellationToken)
    {
        var total = await filtered.CountAsync(cancellationToken);
        var rows = await filtered
            .Skip(Paging.Skip(page, pageSize))
            .Take(Paging.Size(pageSize))
            .Join(db.Units, d => d.UnitCode, u => u.Code, (d, u) => new { Dossier = d, UnitName = u.Name })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var items = new List<DossierSummary>(rows.Count);
        foreach (var row in rows)
        {
            var d = row.Dossier;
            var definition = await lookup.DefinitionOfAsync(d, cancellationToken);
            var deadline = DeadlineStatus.For(d.DueAt, now, calendar);
            items.Add(new DossierSummary(
                d.Id, d.UnitCode, row.UnitName, d.Level, d.Year,
                new WorkflowRef(definition.Id, definition.Version, definition.Title),
                d.Stage, definition.TitleOf(d.Stage), d.Status, d.Version, d.DueAt, deadline.WorkingDaysLeft, deadline.Overdue, d.CriteriaMet, d.CriteriaTotal, d.UpdatedAt));
        }
        return new Paged<DossierSummary>(items, total, page ?? 1, Paging.Size(pageSize));
    }
}
