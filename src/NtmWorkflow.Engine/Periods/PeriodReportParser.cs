using NtmWorkflow.Engine.Definitions;

namespace NtmWorkflow.Engine.Periods;

/// <summary>Reads a period's <c>report</c> block and the file's <c>report-sentence</c>, every problem with its line.</summary>
internal static class PeriodReportParser
{
    private static readonly string[] Placeholders = ["{count}", "{total}", "{percent}"];

    public static PeriodReport Read(YamlMappingReader report, ErrorSink errors)
    {
        var bandsNode = report.Mapping("criteria-bands", required: false);
        var bands = bandsNode is null ? null : ReadBands(bandsNode, errors);
        var targets = report.Optional("targets") is null ? [] : report.MappingList("targets").Select(t => ReadTarget(t, errors)).OfType<ProgrammeTarget>().ToList();
        report.RejectUnknownKeys();
        foreach (var twice in targets.GroupBy(t => t.Id).Where(g => g.Count() > 1))
        {
            errors.Add(report.Node, $"Chỉ tiêu '{twice.Key}' được khai báo hai lần.");
        }
        return new PeriodReport(bands, targets);
    }

    public static ReportWording ReadWording(YamlMappingReader sentence, ErrorSink errors)
    {
        var clauses = new Dictionary<string, string>();
        foreach (var (key, value) in sentence.Entries())
        {
            if (!Levels.IsKnown(key.Value!))
            {
                errors.Add(key, $"Mức công nhận '{key.Value}' không tồn tại (dùng: {string.Join(", ", Levels.All)}).");
            }
            else if (errors.Scalar(value, key.Value!) is { } clause)
            {
                if (!clause.Contains("{count}", StringComparison.Ordinal))
                {
                    errors.Add(value, $"Vế câu của mức '{key.Value}' cần có {{count}} (số xã đạt).");
                }
                foreach (var unknown in Braced(clause).Where(p => !Placeholders.Contains(p)))
                {
                    errors.Add(value, $"'{unknown}' không phải chỗ điền hợp lệ (dùng: {string.Join(", ", Placeholders)}).");
                }
                clauses[key.Value!] = clause;
            }
        }
        return new ReportWording(clauses);
    }

    private static IEnumerable<string> Braced(string text)
    {
        for (var start = text.IndexOf('{'); start >= 0; start = text.IndexOf('{', start + 1))
        {
            var end = text.IndexOf('}', start);
            yield return end < 0 ? text[start..] : text[start..(end + 1)];
        }
    }

    private static CriteriaBands? ReadBands(YamlMappingReader bands, ErrorSink errors)
    {
        var source = bands.String("source");
        var provisional = bands.Bool("provisional") ?? false;
        var items = bands.MappingList("bands").Select(b => ReadBand(b, errors)).OfType<CriteriaBand>().ToList();
        bands.RejectUnknownKeys();
        return source is null ? null : new CriteriaBands(items, source, provisional, (int)bands.Node.Start.Line);
    }

    private static CriteriaBand? ReadBand(YamlMappingReader band, ErrorSink errors)
    {
        var from = band.Int("from");
        var to = band.Int("to");
        var title = band.String("title");
        band.RejectUnknownKeys();
        if (from is null || to is null || title is null)
        {
            errors.Add(band.Node, "Mỗi nhóm cần 'from', 'to' (số tiêu chí đạt) và 'title'.");
            return null;
        }
        if (from < 0 || to < from)
        {
            errors.Add(band.Node, $"Nhóm '{title}': cần 0 ≤ from ≤ to (đang là {from}–{to}).");
            return null;
        }
        return new CriteriaBand(from.Value, to.Value, title);
    }

    private static ProgrammeTarget? ReadTarget(YamlMappingReader target, ErrorSink errors)
    {
        var id = target.Name("id");
        var title = target.String("title");
        var level = target.OneOf("level", Levels.All);
        var shareNode = target.Required("share-percent");
        var share = shareNode is null ? null : errors.Number(shareNode, "share-percent");
        var source = target.String("source");
        var provisional = target.Bool("provisional") ?? false;
        target.RejectUnknownKeys();
        if (share is < 0 or > 100)
        {
            errors.Add(shareNode!, $"'share-percent' là tỷ lệ phần trăm từ 0 đến 100, không phải {share}.");
            return null;
        }
        return id is null || title is null || level is null || share is null || source is null
            ? null
            : new ProgrammeTarget(id, title, level, share.Value, source, provisional);
    }
}
