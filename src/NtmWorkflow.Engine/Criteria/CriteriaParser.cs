using NtmWorkflow.Engine.Definitions;
using YamlDotNet.RepresentationModel;

namespace NtmWorkflow.Engine.Criteria;

/// <summary>Reads one criteria set file of <c>workflows/criteria</c>, reporting every problem with its line.</summary>
public static class CriteriaParser
{
    private static readonly Dictionary<string, IndicatorKind> Kinds = new()
    {
        ["yes-no"] = IndicatorKind.YesNo,
        ["at-least"] = IndicatorKind.AtLeast,
        ["at-most"] = IndicatorKind.AtMost,
    };

    /// <exception cref="DefinitionException">With every problem found, each with file, line and reason.</exception>
    public static CriteriaSet Parse(string content, string source)
    {
        var errors = new ErrorSink(source);
        var set = YamlText.ReadRoot(content, errors, "bộ tiêu chí") is { } root
            ? ReadSet(root, errors, DefinitionParser.ContentHash(content), source)
            : null;
        if (errors.Errors.Count > 0 || set is null)
        {
            throw new DefinitionException(errors.Errors);
        }
        return set;
    }

    private static CriteriaSet? ReadSet(YamlMappingReader root, ErrorSink errors, string hash, string source)
    {
        var id = root.Name("id");
        var version = root.PositiveInt("version");
        var title = root.String("title");
        var legalBasis = root.String("legal-basis", required: false);
        var subject = root.OneOf("subject", Subjects.All);
        var level = root.OneOf("level", Levels.All);
        var regions = root.ScalarList("regions", required: false).Select(r => r.Value!).ToList();
        var criteriaFrom = root.String("criteria-from", required: false);
        var conditions = ReadConditions(root.Mapping("conditions"), errors);
        var criteria = criteriaFrom is null ? ReadCriteria(root, regions, errors) : [];
        root.RejectUnknownKeys();
        if (id is null || version is null || title is null || subject is null || level is null || conditions is null)
        {
            return null;
        }
        return new CriteriaSet(id, version.Value, title, legalBasis, subject, level, regions, criteriaFrom, criteria,
            conditions, hash, source);
    }

    private static List<Criterion> ReadCriteria(YamlMappingReader root, IReadOnlyList<string> regions, ErrorSink errors)
    {
        var criteria = new List<Criterion>();
        foreach (var item in root.MappingList("criteria"))
        {
            var number = item.PositiveInt("number");
            var name = item.String("name");
            var key = item.Bool("key") ?? false;
            var indicators = item.MappingList("indicators")
                .Select(indicator => ReadIndicator(indicator, regions, errors))
                .OfType<Indicator>()
                .ToList();
            item.RejectUnknownKeys();
            if (number is null || name is null)
            {
                continue;
            }
            if (criteria.Any(c => c.Number == number))
            {
                errors.Add(item.Node, $"Tiêu chí số {number} được khai báo hai lần.");
            }
            criteria.Add(new Criterion(number.Value, name, key, indicators, (int)item.Node.Start.Line));
        }
        var list = root.Optional("criteria") ?? root.Node;
        CheckNumbering(criteria, list, errors);
        foreach (var duplicate in criteria.SelectMany(c => c.Indicators).GroupBy(i => i.Code).Where(g => g.Count() > 1))
        {
            errors.Add(list, $"Mã chỉ tiêu '{duplicate.Key}' được dùng nhiều lần.");
        }
        return criteria;
    }

    /// <summary>Criteria are numbered 1…n without gaps, as the legal texts number them.</summary>
    private static void CheckNumbering(List<Criterion> criteria, YamlNode list, ErrorSink errors)
    {
        if (criteria.Count == 0)
        {
            errors.Add(list, "Bộ tiêu chí phải có ít nhất một tiêu chí.");
            return;
        }
        var expected = Enumerable.Range(1, criteria.Count);
        if (!criteria.Select(c => c.Number).Order().SequenceEqual(expected))
        {
            errors.Add(list, $"Các tiêu chí phải được đánh số liên tục từ 1 đến {criteria.Count}.");
        }
    }

    private static Indicator? ReadIndicator(YamlMappingReader indicator, IReadOnlyList<string> regions, ErrorSink errors)
    {
        var code = indicator.String("code");
        var name = indicator.String("name");
        var unit = indicator.String("unit", required: false);
        var kindName = indicator.OneOf("kind", Kinds.Keys.ToList());
        var thresholdNode = indicator.Optional("threshold");
        indicator.RejectUnknownKeys();
        if (code is null || name is null || kindName is null)
        {
            return null;
        }
        var kind = Kinds[kindName];
        Threshold? threshold = null;
        if (kind == IndicatorKind.YesNo && thresholdNode is not null)
        {
            errors.Add(thresholdNode, $"Chỉ tiêu {code} loại yes-no không có ngưỡng.");
        }
        else if (kind != IndicatorKind.YesNo)
        {
            threshold = thresholdNode is null
                ? Missing(indicator, code, errors)
                : ReadThreshold(thresholdNode, code, regions, errors);
        }
        return new Indicator(code, name, unit, kind, threshold);
    }

    private static Threshold? Missing(YamlMappingReader indicator, string code, ErrorSink errors)
    {
        errors.Add(indicator.Node, $"Chỉ tiêu {code} cần 'threshold' (một số, hoặc default và các vùng khác mức chung).");
        return null;
    }

    private static Threshold? ReadThreshold(YamlNode node, string code, IReadOnlyList<string> regions, ErrorSink errors)
    {
        if (node is YamlScalarNode)
        {
            return errors.Number(node, "threshold") is { } value ? new Threshold(value, new Dictionary<string, decimal>()) : null;
        }
        var mapping = errors.Mapping(node, "threshold");
        if (mapping is null)
        {
            return null;
        }
        decimal? fallback = null;
        var byRegion = new Dictionary<string, decimal>();
        foreach (var (key, value) in mapping.Entries())
        {
            var number = errors.Number(value, key.Value!);
            if (key.Value == "default")
            {
                fallback = number;
            }
            else if (!regions.Contains(key.Value!))
            {
                errors.Add(key, $"Chỉ tiêu {code}: vùng '{key.Value}' không có trong 'regions'.");
            }
            else if (number is { } n)
            {
                byRegion[key.Value!] = n;
            }
        }
        if (fallback is null)
        {
            errors.Add(node, $"Chỉ tiêu {code}: ngưỡng theo vùng cần mức chung 'default'.");
            return null;
        }
        return new Threshold(fallback.Value, byRegion);
    }

    private static ConditionRules? ReadConditions(YamlMappingReader? conditions, ErrorSink errors)
    {
        if (conditions is null)
        {
            return null;
        }
        var satisfaction = conditions.PositiveInt("min-satisfaction-percent");
        var model = conditions.Mapping("model", required: false);
        ModelConditions? modelConditions = null;
        if (model is not null)
        {
            var income = model.PositiveInt("min-income-above-nang-cao-percent");
            var hamlets = model.PositiveInt("min-smart-hamlets");
            var standout = model.Bool("requires-standout-field") ?? false;
            model.RejectUnknownKeys();
            modelConditions = income is null || hamlets is null ? null : new ModelConditions(income.Value, hamlets.Value, standout);
        }
        conditions.RejectUnknownKeys();
        if (satisfaction > 100)
        {
            errors.Add(conditions.Node, "'min-satisfaction-percent' không được lớn hơn 100.");
            return null;
        }
        return satisfaction is null ? null : new ConditionRules(satisfaction.Value, modelConditions);
    }
}
