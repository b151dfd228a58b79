using System.Globalization;
using NtmWorkflow.Engine;
using NtmWorkflow.Web.Features.Exports;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Reports;

/// <summary>
/// Which communes of a report a list shows: the ones behind one figure. Every filter given must hold; none lists every
/// commune counted.
/// </summary>
/// <param name="Band">A band's id ("15-18") or "none" for communes with no status recorded.</param>
/// <param name="Met">With <paramref name="Criterion"/>: those meeting it (true) or, among those with a status, not (false).</param>
/// <param name="Achieved">With <paramref name="Planned"/>: those of the plan recognised at its level for the year, or not.</param>
public sealed record CommuneFilter(
    string? Level = null, string? Band = null, int? Criterion = null, bool? Met = null, string? Planned = null, bool? Achieved = null,
    string? Target = null)
{
    public static readonly CommuneFilter All = new();

    /// <summary>The filter as the query string of a link (level=…&amp;band=…), in the order of the parameters.</summary>
    public (string Key, string Value)[] Parameters() => new (string Key, string? Value)[]
        {
            ("level", Level), ("band", Band), ("criterion", Criterion?.ToString(CultureInfo.InvariantCulture)), ("met", Bool(Met)),
            ("planned", Planned), ("achieved", Bool(Achieved)), ("target", Target),
        }
        .Where(p => p.Value is not null).Select(p => (p.Key, p.Value!)).ToArray();

    /// <summary>
    /// The communes it selects. An unknown level, a band, criterion or target the period does not define, or met/achieved
    /// without what they qualify is a 400 on its field.
    /// </summary>
    public IEnumerable<ReportCommune> Apply(ReportData data)
    {
        Check();
        var communes = data.Communes.AsEnumerable();
        if (Level is { } level)
        {
            communes = communes.Where(c => c.Held.Contains(level));
        }
        if (Band == BandFigures.NoStatus)
        {
            communes = communes.Where(c => c.Status is null);
        }
        else if (Band is { } id)
        {
            var band = data.Scope.Period.Report.Bands?.Bands.FirstOrDefault(b => b.Id == id)
                ?? throw ProblemException.BadRequest("band", $"Giai đoạn {data.Scope.Period.Years} không có nhóm '{id}' (dùng: {string.Join(", ", (data.Scope.Period.Report.Bands?.Bands ?? []).Select(b => b.Id).Append(BandFigures.NoStatus))}).");
            communes = communes.Where(c => c.Status is { } status && band.Contains(status.Met));
        }
        if (Criterion is { } number)
        {
            if (data.CriteriaSet?.Criteria.Any(c => c.Number == number) != true)
            {
                throw ProblemException.BadRequest("criterion", $"Bộ tiêu chí xã của giai đoạn {data.Scope.Period.Years} không có tiêu chí số {number}.");
            }
            communes = communes.Where(c => c.Status is { } status && status.MetNumbers.Contains(number) == (Met ?? true));
        }
        if (Planned is { } planned)
        {
            communes = communes.Where(c => c.Planned.Contains(planned) && (Achieved is not { } achieved || c.Achieved.Contains(planned) == achieved));
        }
        if (Target is { } targetId)
        {
            var target = data.Scope.Period.Report.Targets.FirstOrDefault(t => t.Id == targetId)
                ?? throw ProblemException.BadRequest("target", $"Giai đoạn {data.Scope.Period.Years} không có chỉ tiêu '{targetId}'.");
            communes = communes.Where(c => c.HeldInPeriod.Contains(target.Level));
        }
        return communes;
    }

    private void Check()
    {
        foreach (var (field, level) in new[] { ("level", Level), ("planned", Planned) })
        {
            if (level is not null && !Levels.IsKnown(level))
            {
                throw ProblemException.BadRequest(field, $"Mức '{level}' không tồn tại (dùng: {string.Join(", ", Levels.All)}).");
            }
        }
        if (Met is not null && Criterion is null)
        {
            throw ProblemException.BadRequest("met", "'met' chỉ dùng cùng 'criterion' (số tiêu chí).");
        }
        if (Achieved is not null && Planned is null)
        {
            throw ProblemException.BadRequest("achieved", "'achieved' chỉ dùng cùng 'planned' (mức kế hoạch).");
        }
    }

    private static string? Bool(bool? value) => value switch
    {
        true => "true",
        false => "false",
        null => null,
    };

    /// <summary>The communes a filter selects, as a file.</summary>
    public static ExportTable Table(IEnumerable<ReportCommune> communes) => new("Danh sách xã",
        [new("Mã xã"), new("Tên xã"), new("Mức đạt chuẩn"), new("Số tiêu chí đạt", ExportCell.Number), new("Kế hoạch năm")],
        communes.Select(c => new object?[]
        {
            c.Code, c.Name, string.Join("; ", Levels.All.Where(c.Held.Contains).Select(LevelFigures.Title)), c.Status?.Met,
            string.Join("; ", c.Planned.Select(LevelFigures.Title)),
        }));
}
