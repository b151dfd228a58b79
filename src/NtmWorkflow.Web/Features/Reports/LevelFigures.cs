using NtmWorkflow.Engine;
using NtmWorkflow.Web.Features.Exports;

namespace NtmWorkflow.Web.Features.Reports;

/// <summary>Communes by level held: how many hold each level on the reference day, and their share of the scope.</summary>
public static class LevelFigures
{
    public sealed record Row(string Level, string Title, int Count, decimal Percent, ReportLink Communes);

    public static IReadOnlyList<Row> Compute(ReportData data) => Levels.All.Select(level =>
    {
        var count = data.Communes.Count(c => c.Held.Contains(level));
        return new Row(level, Title(level), count, data.Percent(count), ReportLinks.Communes(data.Scope, ("level", level)));
    }).ToList();

    /// <summary>"Đạt chuẩn nông thôn mới", "Nông thôn mới nâng cao"…: the level as a table's label.</summary>
    public static string Title(string level) => Levels.VietnameseName(level) is var name && name.Length > 0
        ? char.ToUpper(name[0], ReportText.Vietnamese) + name[1..]
        : level;

    public static ExportTable Table(IReadOnlyList<Row> rows, int total) => new("Theo mức đạt chuẩn",
        [new("Mức"), new("Số xã", ExportCell.Number), new("Tổng số xã", ExportCell.Number), new("Tỷ lệ (%)", ExportCell.Number)],
        rows.Select(r => new object?[] { r.Title, r.Count, total, r.Percent }));
}
