using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Engine.Calendar;
using NtmWorkflow.Engine.Periods;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Features.Dossiers;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Reports;

/// <summary>
/// The procedure's figures for a unit's subtree and a year (see docs/procedure-report.md): dossiers in progress and
/// overdue by stage now, working days spent per stage, and the share decided within the legal time. Each figure
/// carries the address of the dossier list that shows the dossiers behind it.
/// </summary>
internal sealed class ProcedureFigures(
    AppDbContext db, DossierLookup lookup, ICurrentActor actors, PeriodCatalog periods, WorkingCalendar calendar, TimeProvider clock)
{
    public async Task<ProcedureReport> ReadAsync(string? scopeCode, int? year, CancellationToken cancellationToken)
    {
        var actor = await actors.RequireAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var reportYear = year ?? WorkingCalendar.ToVietnamDate(now).Year;
        if (periods.ForYear(reportYear) is null)
        {
            throw ProblemException.BadRequest("year", $"Năm {reportYear} không thuộc giai đoạn nào của Chương trình ({periods.Ranges}).");
        }
        var code = string.IsNullOrWhiteSpace(scopeCode) ? actor.UnitCode : scopeCode.Trim();
        var scope = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == code, cancellationToken)
            ?? throw ProblemException.NotFound($"Không có đơn vị hành chính mã '{code}'.");
        if (!actor.CanSee(scope.Path))
        {
            throw ProblemException.Forbidden("Đơn vị này không thuộc phạm vi đơn vị của bạn.");
        }
        var links = new ProcedureLinks(scope.Code, reportYear);
        var stages = (await CountDossiersByStage.CountAsync(db, lookup, scope.Path, now, cancellationToken))
            .Select(s => new StageNow(s.Stage, s.StageTitle, s.Count, s.Overdue, links.AtStage(s.Stage, overdue: false), links.AtStage(s.Stage, overdue: true)))
            .ToList();
        return new ProcedureReport(scope.Code, scope.Name, reportYear, stages,
            await CycleTimesAsync(scope.Path, reportYear, links, cancellationToken),
            await TimelinessAsync(scope.Path, reportYear, links, cancellationToken));
    }

    private async Task<IReadOnlyList<StageCycleTime>> CycleTimesAsync(string scopePath, int year, ProcedureLinks links, CancellationToken cancellationToken)
    {
        var moves = db.Moves();
        var leaving = moves.During(year).Where(e => e.FromStage != null);
        var rows = await moves
            .Where(e => leaving.Any(l => l.DossierId == e.DossierId))
            .Join(db.Dossiers.Under(scopePath), e => e.DossierId, d => d.Id,
                (e, d) => new { e.DossierId, e.Sequence, e.At, e.ToStage, d.WorkflowId, d.WorkflowVersion, d.WorkflowHash })
            .ToListAsync(cancellationToken);
        var (from, to) = DossierHistory.YearSpan(year);
        var stays = StageStays.Ended(rows.Select(r => new StageMove(r.DossierId, r.Sequence, r.At, r.ToStage)), from, to).ToList();
        var definitions = rows.Select(r => (r.DossierId, r.WorkflowId, r.WorkflowVersion, r.WorkflowHash)).Distinct()
            .ToDictionary(r => r.DossierId, r => (r.WorkflowId, r.WorkflowVersion, r.WorkflowHash));
        var titled = new List<(string Stage, string Title, int? Days)>();
        foreach (var stay in stays)
        {
            var (id, version, hash) = definitions[stay.DossierId];
            var definition = await lookup.PinnedAsync(id, version, hash, cancellationToken);
            titled.Add((stay.Stage, definition.TitleOf(stay.Stage), StageStays.WorkingDays(stay, calendar)));
        }
        return titled
            .GroupBy(s => (s.Stage, s.Title))
            .Select(g =>
            {
                var days = g.Where(s => s.Days is not null).Select(s => s.Days!.Value).Order().ToList();
                return new StageCycleTime(g.Key.Stage, g.Key.Title, days.Count,
                    days.Count == 0 ? null : StageStays.NearestRank(days, 50),
                    days.Count == 0 ? null : StageStays.NearestRank(days, 90),
                    g.Count() - days.Count, links.LeftStage(g.Key.Stage));
            })
            .OrderByDescending(s => s.Observations).ThenBy(s => s.Stage, StringComparer.Ordinal)
            .ToList();
    }

    private async Task<Timeliness> TimelinessAsync(string scopePath, int year, ProcedureLinks links, CancellationToken cancellationToken)
    {
        var dossiers = db.Dossiers.Under(scopePath);
        var decided = await dossiers.Decided(db, year).CountAsync(cancellationToken);
        var late = await dossiers.DecidedLate(db, year, late: true).CountAsync(cancellationToken);
        return new Timeliness(decided, decided - late, late,
            decided == 0 ? null : Math.Round(100m * (decided - late) / decided, 1, MidpointRounding.AwayFromZero),
            links.Decided(null), links.Decided(late: false), links.Decided(late: true));
    }
}

/// <summary>The addresses of the dossier list behind each figure, with the filters that select its dossiers.</summary>
internal sealed record ProcedureLinks(string ScopeCode, int Year)
{
    public string AtStage(string stage, bool overdue) =>
        List(("stage", stage), ("overdue", overdue ? "true" : null));

    public string LeftStage(string stage) => List(("leftStage", stage), ("leftYear", Year.ToString(CultureInfo.InvariantCulture)));

    public string Decided(bool? late) => List(
        ("decidedYear", Year.ToString(CultureInfo.InvariantCulture)),
        ("decidedLate", late is { } value ? (value ? "true" : "false") : null));

    private string List(params (string Name, string? Value)[] filters) =>
        QueryHelpers.AddQueryString("/Dossiers",
            filters.Where(f => f.Value is not null).Select(f => KeyValuePair.Create(f.Name, f.Value)).Prepend(KeyValuePair.Create("unitCode", (string?)ScopeCode)));
}

public sealed record ProcedureReport(
    string ScopeCode, string ScopeName, int Year, IReadOnlyList<StageNow> Stages, IReadOnlyList<StageCycleTime> CycleTimes, Timeliness Timeliness);

/// <summary>Dossiers in progress at a stage now, and how many of them are past the stage's deadline.</summary>
public sealed record StageNow(string Stage, string StageTitle, int InProgress, int Overdue, string InProgressLink, string OverdueLink);

/// <summary>
/// Stays at a stage that ended during the year: how many were counted, their median and 90th percentile in working
/// days (nearest rank; null with none counted), and how many could not be counted for want of a year's calendar.
/// </summary>
public sealed record StageCycleTime(
    string Stage, string StageTitle, int Observations, int? MedianWorkingDays, int? P90WorkingDays, int Uncounted, string Link);

/// <summary>Dossiers decided during the year, within the legal time or late, and the share within it (percent, one decimal).</summary>
public sealed record Timeliness(
    int Decided, int WithinLegalTime, int Late, decimal? WithinSharePercent, string DecidedLink, string WithinLink, string LateLink);
