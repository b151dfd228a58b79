using NtmWorkflow.Web.Features.Exports;

namespace NtmWorkflow.Web.Features.Reports;

/// <summary>Per criterion of the period's commune set: how many communes with a status meet it, and which do not.</summary>
public static class CriterionFigures
{
    public sealed record Commune(string Code, string Name);

    public sealed record Row(int Number, string Name, int Met, int NotMet, IReadOnlyList<Commune> NotMetCommunes, ReportLink MetCommunes, ReportLink NotMetList);

    public static IReadOnlyList<Row> Compute(ReportData data)
    {
        var recorded = data.Communes.Where(c => c.Status is not null).ToList();
        return (data.CriteriaSet?.Criteria ?? []).Select(criterion =>
        {
            var notMet = recorded.Where(c => !c.Status!.MetNumbers.Contains(criterion.Number)).Select(c => new Commune(c.Code, c.Name)).ToList();
            var number = criterion.Number.ToString(ReportText.Vietnamese);
            return new Row(criterion.Number, criterion.Name, recorded.Count - notMet.Count, notMet.Count, notMet,
                ReportLinks.Communes(data.Scope, ("criterion", number), ("met", "true")),
                ReportLinks.Communes(data.Scope, ("criterion", number), ("met", "false")));
        }).ToList();
    }

    public static ExportTable Table(IReadOnlyList<Row> rows) => new("Theo từng tiêu chí",
        [new("Số thứ tự", ExportCell.Number), new("Tiêu chí"), new("Số xã đạt", ExportCell.Number), new("Số xã chưa đạt", ExportCell.Number), new("Các xã chưa đạt")],
        rows.Select(r => new object?[] { r.Number, r.Name, r.Met, r.NotMet, string.Join("; ", r.NotMetCommunes.Select(c => $"{c.Name} ({c.Code})")) }));
}
