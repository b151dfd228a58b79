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

    private static readonly Dictionary<string, ThresholdBasis> Bases = new()
    {
        ["region"] = ThresholdBasis.Region,
        ["group"] = ThresholdBasis.Group,
    };

    private static CriteriaSet? ReadSet(YamlMappingReader root, ErrorSink errors, string hash, string source)
    {
        var id = root.Name("id");
        var version = root.PositiveInt("version");
        var title = root.String("title");
        var legalBasis = root.String("legal-basis", required: false);
        var subject = root.OneOf("subject", Subjects.All);
        var level = root.OneOf("level", Levels.All);
        var provisional = root.Bool("provisional") ?? false;
        var note = root.String("note", required: false);
        var keys = ReadKeys(root, errors);
        var criteriaFrom = root.String("criteria-from", required: false);
        var conditions = ReadConditions(root.Mapping("conditions"), errors);
        if (keys is null)
        {
            // Without a known thresholds-by no threshold can be read; 'criteria' is skipped, not reported as unknown.
            root.Optional("criteria");
        }
        var criteria = criteriaFrom is null && keys is not null ? ReadCriteria(root, keys, errors) : [];
        root.RejectUnknownKeys();
        if (id is null || version is null || title is null || subject is null || level is null || conditions is null || keys is null)
        {
            return null;
        }
        var regions = keys.By == ThresholdBasis.Region ? keys.Names : [];
        var groups = keys.By == ThresholdBasis.Group ? keys.Names : [];
        return new CriteriaSet(id, version.Value, title, legalBasis, subject, level, regions, criteriaFrom, criteria,
            conditions, hash, source, keys.By, groups, provisional, note);
    }

    /// <summary>
    /// <c>thresholds-by</c> (region by default, so the 2021–2025 files need not say it) and the names it allows: the
    /// <c>regions</c> list, or the <c>groups</c> list, which a set keyed by group must declare.
    /// </summary>
    private static ThresholdKeys? ReadKeys(YamlMappingReader root, ErrorSink errors)
    {
        var basisName = root.OneOf("thresholds-by", Bases.Keys.ToList(), required: false);
        var regions = root.ScalarList("regions", required: false).Select(r => r.Value!).ToList();
        var groups = root.ScalarList("groups", required: false).Select(g => g.Value!).ToList();
        if (basisName is null && root.Optional("thresholds-by") is not null)
        {
            return null;
        }
        var basis = basisName is null ? ThresholdBasis.Region : Bases[basisName];
        var (used, unused) = basis == ThresholdBasis.Group ? ("groups", "regions") : ("regions", "groups");
        if (root.Optional(unused) is { } misplaced)
        {
            errors.Add(misplaced, $"'{unused}' không dùng với 'thresholds-by: {basisName ?? "region"}' (ngưỡng theo '{used}').");
        }
        if (basis == ThresholdBasis.Group && groups.Count == 0)
        {
            errors.Add(root.Optional("groups") ?? root.Optional("thresholds-by")!,
                "Bộ tiêu chí 'thresholds-by: group' cần danh sách nhóm xã 'groups', ví dụ [nhom-1, nhom-2, nhom-3].");
        }
        foreach (var duplicate in (basis == ThresholdBasis.Group ? groups : regions).GroupBy(n => n).Where(g => g.Count() > 1))
        {
            errors.Add(root.Optional(used)!, $"'{used}' có '{duplicate.Key}' hai lần.");
        }
        return new ThresholdKeys(basis, basis == ThresholdBasis.Group ? groups : regions);
    }

    private static List<Criterion> ReadCriteria(YamlMappingReader root, ThresholdKeys keys, ErrorSink errors)
    {
        var criteria = new List<Criterion>();
        foreach (var item in root.MappingList("criteria"))
        {
            var number = item.PositiveInt("number");
            var name = item.String("name");
            var key = item.Bool("key") ?? false;
            var indicators = item.MappingList("indicators")
                .Select(indicator => ReadIndicator(indicator, keys, errors))
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

    private static Indicator? ReadIndicator(YamlMappingReader indicator, ThresholdKeys keys, ErrorSink errors)
    {
        var code = indicator.String("code");
        var name = indicator.String("name");
        var unit = indicator.String("unit", required: false);
        var kindName = indicator.OneOf("kind", Kinds.Keys.ToList());
        var thresholdNode = indicator.Optional("threshold");
        var standardNode = indicator.Optional("standard");
        var provisional = indicator.Bool("provisional") ?? false;
        var note = indicator.String("note", required: false);
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
                ? Missing(indicator, code, keys, errors)
                : ThresholdParser.Read(thresholdNode, code, keys, errors);
        }
        var standard = standardNode is null ? null : ThresholdParser.ReadStandard(standardNode, code, errors);
        return new Indicator(code, name, unit, kind, threshold, provisional, note, standard);
    }

    private static Threshold? Missing(YamlMappingReader indicator, string code, ThresholdKeys keys, ErrorSink errors)
    {
        errors.Add(indicator.Node,
            $"Chỉ tiêu {code} cần 'threshold' (một số, hoặc default và các {keys.Word} khác mức chung, hoặc by-year).");
        return null;
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
