using NtmWorkflow.Web.Features.Exports;

namespace NtmWorkflow.Web.Features.Reports;

/// <summary>
/// Communes by the number of criteria they meet, in the bands periods.yaml gives the period; communes with no status
/// recorded for the year are counted apart, and the average is over the communes with a status.
/// </summary>
public static class BandFigures
{
    public const string NoStatus = "none";

    public sealed record Row(string Band, string Title, int From, int To, int Count, decimal Percent, ReportLink Communes);

    /// <param name="CriteriaTotal">The number of criteria of the period's commune set; null when the period has none loaded.</param>
    /// <param name="AverageMet">Criteria met per commune with a status, to two decimals; null when none has one.</param>
    /// <param name="Unconfirmed">Communes some of whose records still wait for the province's confirmation.</param>
    public sealed record Result(
        int? CriteriaTotal, IReadOnlyList<Row> Bands, int WithStatus, int WithoutStatus, ReportLink WithoutStatusCommunes,
        decimal? AverageMet, int Unconfirmed, string? Source, bool Provisional);

    public static Result Compute(ReportData data)
    {
        var bands = data.Scope.Period.Report.Bands;
        var recorded = data.Communes.Where(c => c.Status is not null).Select(c => c.Status!).ToList();
        var rows = (bands?.Bands ?? []).Select(band =>
        {
            var count = recorded.Count(s => band.Contains(s.Met));
            return new Row(band.Id, band.Title, band.From, band.To, count, data.Percent(count), ReportLinks.Communes(data.Scope, ("band", band.Id)));
        }).ToList();
        var average = recorded.Count == 0 ? (decimal?)null : Math.Round((decimal)recorded.Sum(s => s.Met) / recorded.Count, 2, MidpointRounding.AwayFromZero);
        return new Result(data.CriteriaSet?.Criteria.Count, rows, recorded.Count, data.Total - recorded.Count,
            ReportLinks.Communes(data.Scope, ("band", NoStatus)), average, recorded.Count(s => s.Unconfirmed), bands?.Source, bands?.Provisional ?? false);
    }

    public static ExportTable Table(Result result) => new("Theo số tiêu chí đạt",
        [new("Nhóm"), new("Từ (tiêu chí)", ExportCell.Number), new("Đến (tiêu chí)", ExportCell.Number), new("Số xã", ExportCell.Number), new("Tỷ lệ (%)", ExportCell.Number)],
        result.Bands.Select(r => new object?[] { r.Title, r.From, r.To, r.Count, r.Percent })
            .Append([NoStatusTitle, null, null, result.WithoutStatus, null]));

    public const string NoStatusTitle = "Chưa ghi nhận tình trạng tiêu chí";
}
