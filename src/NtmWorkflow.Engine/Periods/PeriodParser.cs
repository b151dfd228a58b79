using NtmWorkflow.Engine.Definitions;

namespace NtmWorkflow.Engine.Periods;

/// <summary>Reads <c>programme/periods.yaml</c>, reporting every problem of its shape with its line.</summary>
public static class PeriodParser
{
    /// <exception cref="DefinitionException">With every problem found, each with file, line and reason.</exception>
    public static IReadOnlyList<ProgrammePeriod> Parse(string content, string source) => ParseFile(content, source).Periods;

    /// <summary>The periods and the wording of the reports' sentence.</summary>
    /// <exception cref="DefinitionException">With every problem found, each with file, line and reason.</exception>
    public static (IReadOnlyList<ProgrammePeriod> Periods, ReportWording Wording) ParseFile(string content, string source)
    {
        var errors = new ErrorSink(source);
        var root = YamlText.ReadRoot(content, errors, "giai đoạn");
        var wordingNode = root?.Mapping("report-sentence", required: false);
        var wording = wordingNode is null ? ReportWording.None : PeriodReportParser.ReadWording(wordingNode, errors);
        var periods = root is null ? [] : ReadPeriods(root, errors, source);
        if (errors.Errors.Count > 0)
        {
            throw new DefinitionException(errors.Errors);
        }
        return (periods, wording);
    }

    private static List<ProgrammePeriod> ReadPeriods(YamlMappingReader root, ErrorSink errors, string source)
    {
        var items = root.MappingList("periods");
        root.RejectUnknownKeys();
        var periods = items.Select(item => ReadPeriod(item, errors, source)).OfType<ProgrammePeriod>().ToList();
        foreach (var twice in periods.GroupBy(p => p.Id).Where(g => g.Count() > 1))
        {
            errors.Add(twice.Last().Line, 1, $"Mã giai đoạn '{twice.Key}' được khai báo hai lần.");
        }
        var ordered = periods.OrderBy(p => p.FromYear).ToList();
        foreach (var (earlier, later) in ordered.Zip(ordered.Skip(1)).Where(pair => pair.Second.FromYear <= pair.First.ToYear))
        {
            errors.Add(later.Line, 1, $"Giai đoạn {later.Id} ({later.Years}) trùng năm với giai đoạn {earlier.Id} ({earlier.Years}).");
        }
        if (items.Count == 0)
        {
            errors.Add(root.Node, "Cần ít nhất một giai đoạn trong 'periods'.");
        }
        return periods;
    }

    private static ProgrammePeriod? ReadPeriod(YamlMappingReader item, ErrorSink errors, string source)
    {
        var id = item.Name("id");
        var title = item.String("title");
        var from = item.PositiveInt("from");
        var to = item.PositiveInt("to");
        var legalBasis = item.String("legal-basis", required: false);
        var subjectsNode = item.Mapping("subjects", required: false);
        var subjects = subjectsNode is null ? new Dictionary<string, PeriodSubject>() : ReadSubjects(subjectsNode, errors);
        var recognisedNode = item.Mapping("recognised", required: false);
        var recognised = recognisedNode is null ? new Dictionary<string, IReadOnlyList<string>>() : ReadRecognised(recognisedNode, errors);
        var reportNode = item.Mapping("report", required: false);
        var report = reportNode is null ? PeriodReport.None : PeriodReportParser.Read(reportNode, errors);
        item.RejectUnknownKeys();
        if (from > to)
        {
            errors.Add(item.Node, $"Giai đoạn {id}: năm bắt đầu ({from}) sau năm kết thúc ({to}).");
            return null;
        }
        return id is null || title is null || from is null || to is null
            ? null
            : new ProgrammePeriod(id, title, from.Value, to.Value, legalBasis, subjects, recognised, source, (int)item.Node.Start.Line)
            {
                Report = report,
            };
    }

    /// <summary>Per kind of unit, a list of known levels: what the period recognised, for importing its history.</summary>
    private static Dictionary<string, IReadOnlyList<string>> ReadRecognised(YamlMappingReader recognised, ErrorSink errors)
    {
        var bySubject = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var (key, value) in recognised.Entries())
        {
            if (!Subjects.All.Contains(key.Value!))
            {
                errors.Add(key, $"Cấp đơn vị '{key.Value}' không tồn tại (dùng: {string.Join(", ", Subjects.All)}).");
                continue;
            }
            if (value is not YamlDotNet.RepresentationModel.YamlSequenceNode sequence)
            {
                errors.Add(value, $"'recognised.{key.Value}' phải là danh sách mức công nhận, ví dụ [ntm, ntm-nang-cao].");
                continue;
            }
            var levels = new List<string>();
            foreach (var level in sequence.Children)
            {
                if (level is not YamlDotNet.RepresentationModel.YamlScalarNode { Value: { } name } || !Levels.IsKnown(name))
                {
                    errors.Add(level, $"Mức công nhận '{(level as YamlDotNet.RepresentationModel.YamlScalarNode)?.Value}' không tồn tại (dùng: {string.Join(", ", Levels.All)}).");
                }
                else if (levels.Contains(name))
                {
                    errors.Add(level, $"Mức '{name}' được liệt kê hai lần trong 'recognised.{key.Value}'.");
                }
                else
                {
                    levels.Add(name);
                }
            }
            bySubject[key.Value!] = levels;
        }
        return bySubject;
    }

    private static Dictionary<string, PeriodSubject> ReadSubjects(YamlMappingReader subjects, ErrorSink errors)
    {
        var bySubject = new Dictionary<string, PeriodSubject>();
        foreach (var (key, value) in subjects.Entries())
        {
            if (!Subjects.All.Contains(key.Value!))
            {
                errors.Add(key, $"Cấp đơn vị '{key.Value}' không tồn tại (dùng: {string.Join(", ", Subjects.All)}).");
                continue;
            }
            if (errors.Mapping(value, key.Value!) is { } subject && ReadSubject(subject, errors, (int)key.Start.Line) is { } read)
            {
                bySubject[key.Value!] = read;
            }
        }
        return bySubject;
    }

    private static PeriodSubject? ReadSubject(YamlMappingReader subject, ErrorSink errors, int line)
    {
        var procedure = subject.Name("procedure");
        var others = subject.ScalarList("other-procedures", required: false).Select(p => p.Value!).ToList();
        var levelsNode = subject.Mapping("levels", required: false);
        var levels = levelsNode is null ? new Dictionary<string, PeriodLevel>() : ReadLevels(levelsNode, errors);
        subject.RejectUnknownKeys();
        return procedure is null ? null : new PeriodSubject(procedure, [procedure, .. others.Where(o => o != procedure)], levels, line);
    }

    /// <summary>Each level names its criteria set, or maps it with the level it requires in the same period.</summary>
    private static Dictionary<string, PeriodLevel> ReadLevels(YamlMappingReader levels, ErrorSink errors)
    {
        var byLevel = new Dictionary<string, PeriodLevel>();
        foreach (var (key, value) in levels.Entries())
        {
            if (!Levels.IsKnown(key.Value!))
            {
                errors.Add(key, $"Mức công nhận '{key.Value}' không tồn tại (dùng: {string.Join(", ", Levels.All)}).");
                continue;
            }
            if (ReadLevel(key.Value!, value, errors, (int)key.Start.Line) is { } level)
            {
                byLevel[key.Value!] = level;
            }
        }
        return byLevel;
    }

    private static PeriodLevel? ReadLevel(string name, YamlDotNet.RepresentationModel.YamlNode value, ErrorSink errors, int line)
    {
        if (value is YamlDotNet.RepresentationModel.YamlScalarNode)
        {
            return errors.Scalar(value, name) is { } set ? new PeriodLevel(set, null, line) : null;
        }
        if (errors.Mapping(value, name) is not { } mapping)
        {
            return null;
        }
        var criteria = mapping.Name("criteria-set");
        var requires = mapping.OneOf("requires-in-period", Levels.All, required: false);
        mapping.RejectUnknownKeys();
        if (requires == name)
        {
            errors.Add(mapping.Node, $"Mức '{name}' không thể đòi chính nó.");
            return null;
        }
        return criteria is null ? null : new PeriodLevel(criteria, requires, line);
    }
}
