using System.Globalization;
using NtmWorkflow.Engine.Periods;

namespace NtmWorkflow.Web.Features.Reports;

/// <summary>Numbers as Vietnamese reports write them, and the officials' sentence from the wording in periods.yaml.</summary>
public static class ReportText
{
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>A count of communes as officials write it: at least two digits ("02", "15", "120").</summary>
    public static string Count(int count) => count.ToString("00", Vietnamese);

    /// <summary>A percentage with a decimal comma and no trailing zero: 13,3 · 100 · 6,7.</summary>
    public static string Percent(decimal percent) => percent.ToString("0.#", Vietnamese);

    /// <summary>
    /// "15/15 xã đạt chuẩn nông thôn mới (100 %), 02 xã đạt chuẩn nông thôn mới nâng cao (13,3 %)": a clause per level
    /// in level order, the first always, the others only where some commune holds the level.
    /// </summary>
    public static string Sentence(ReportWording wording, IReadOnlyList<LevelFigures.Row> levels, int total)
    {
        var clauses = levels.Where(l => wording.LevelClauses.ContainsKey(l.Level)).ToList();
        return string.Join(", ", clauses.Where((l, i) => i == 0 || l.Count > 0).Select(l => wording.LevelClauses[l.Level]
            .Replace("{count}", Count(l.Count), StringComparison.Ordinal)
            .Replace("{total}", Count(total), StringComparison.Ordinal)
            .Replace("{percent}", Percent(l.Percent), StringComparison.Ordinal)));
    }
}
