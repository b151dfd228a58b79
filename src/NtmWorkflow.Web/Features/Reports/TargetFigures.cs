using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Features.Exports;

namespace NtmWorkflow.Web.Features.Reports;

/// <summary>
/// A province's progress toward "hoàn thành nhiệm vụ xây dựng nông thôn mới": for each target of the period, the share
/// of its communes holding the level by recognitions for years of the period, against the share required.
/// </summary>
public static class TargetFigures
{
    public sealed record Row(
        string Id, string Title, string Level, decimal TargetPercent, int Count, decimal ActualPercent, bool Met, bool Provisional,
        string Source, ReportLink Communes);

    /// <summary>The targets are a province's: another scope has none.</summary>
    public static IReadOnlyList<Row> Compute(ReportData data) => data.Scope.Unit.Kind != UnitKinds.Province
        ? []
        : data.Scope.Period.Report.Targets.Select(target =>
        {
            var count = data.Communes.Count(c => c.HeldInPeriod.Contains(target.Level));
            var actual = data.Percent(count);
            return new Row(target.Id, target.Title, target.Level, target.SharePercent, count, actual, actual >= target.SharePercent,
                target.Provisional, target.Source, ReportLinks.Communes(data.Scope, ("target", target.Id)));
        }).ToList();

    public static ExportTable Table(IReadOnlyList<Row> rows) => new("Hoàn thành nhiệm vụ",
        [
            new("Chỉ tiêu"), new("Mục tiêu (%)", ExportCell.Number), new("Số xã", ExportCell.Number), new("Thực hiện (%)", ExportCell.Number),
            new("Đạt"), new("Tạm thời"), new("Nguồn"),
        ],
        rows.Select(r => new object?[] { r.Title, r.TargetPercent, r.Count, r.ActualPercent, r.Met ? "Đạt" : "Chưa đạt", r.Provisional ? "Tạm thời" : "", r.Source }));
}
