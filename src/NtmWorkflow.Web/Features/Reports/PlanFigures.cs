using NtmWorkflow.Engine;
using NtmWorkflow.Web.Features.Exports;

namespace NtmWorkflow.Web.Features.Reports;

/// <summary>
/// Planned against achieved for the year, per level: communes of a confirmed plan, and those of them recognised at that
/// level for that year by a recognition standing on the reference day.
/// </summary>
public static class PlanFigures
{
    public sealed record Row(
        string Level, string Title, int Planned, int Achieved, int NotAchieved,
        ReportLink PlannedCommunes, ReportLink AchievedCommunes, ReportLink NotAchievedCommunes, string Dossiers);

    public static IReadOnlyList<Row> Compute(ReportData data) => Levels.All
        .Select(level => (Level: level, Planned: data.Communes.Where(c => c.Planned.Contains(level)).ToList()))
        .Where(l => l.Planned.Count > 0)
        .Select(l =>
        {
            var achieved = l.Planned.Count(c => c.Achieved.Contains(l.Level));
            return new Row(l.Level, LevelFigures.Title(l.Level), l.Planned.Count, achieved, l.Planned.Count - achieved,
                ReportLinks.Communes(data.Scope, ("planned", l.Level)),
                ReportLinks.Communes(data.Scope, ("planned", l.Level), ("achieved", "true")),
                ReportLinks.Communes(data.Scope, ("planned", l.Level), ("achieved", "false")),
                ReportLinks.Dossiers(data.Scope, l.Level));
        }).ToList();

    public static ExportTable Table(IReadOnlyList<Row> rows) => new("Kế hoạch và kết quả",
        [new("Mức"), new("Số xã kế hoạch", ExportCell.Number), new("Số xã đạt", ExportCell.Number), new("Số xã chưa đạt", ExportCell.Number)],
        rows.Select(r => new object?[] { r.Title, r.Planned, r.Achieved, r.NotAchieved }));
}
