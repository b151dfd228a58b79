using System.Globalization;
using NtmWorkflow.Engine.Definitions;
using YamlDotNet.RepresentationModel;

namespace NtmWorkflow.Engine.Criteria;

/// <summary>The names a set's thresholds may use: its regions or its groups, as <c>thresholds-by</c> says.</summary>
internal sealed record ThresholdKeys(ThresholdBasis By, IReadOnlyList<string> Names)
{
    public string Word => By == ThresholdBasis.Group ? "nhóm" : "vùng";

    public string ListKey => By == ThresholdBasis.Group ? "groups" : "regions";
}

/// <summary>
/// Reads an indicator's <c>threshold</c> (a number; a <c>default</c> with the regions or groups that differ; or
/// <c>by-year</c> entries of either) and its <c>standard</c> by year, each problem with its line.
/// </summary>
internal static class ThresholdParser
{
    private const string ByYearKey = "by-year";

    /// <summary>One year's (or the only) values: a default and the regions or groups that differ.</summary>
    private sealed record Values(decimal Default, IReadOnlyDictionary<string, decimal> ByKey);

    public static Threshold? Read(YamlNode node, string code, ThresholdKeys keys, ErrorSink errors)
    {
        if (node is YamlMappingNode mapping && mapping.Children.ContainsKey(new YamlScalarNode(ByYearKey)))
        {
            return ReadByYear(mapping, code, keys, errors);
        }
        return ReadValues(node, code, keys, errors) is { } values ? new Threshold(values.Default, values.ByKey, keys.By) : null;
    }

    /// <summary>The <c>standard</c> of an indicator: the text in force from each year.</summary>
    public static IReadOnlyList<YearText>? ReadStandard(YamlNode node, string code, ErrorSink errors)
    {
        var entries = ReadYears(node, code, "standard", errors, (value, year) => errors.Scalar(value, $"standard {year}"));
        return entries?.Select(e => new YearText(e.Year, e.Value)).ToList();
    }

    private static Threshold? ReadByYear(YamlMappingNode mapping, string code, ThresholdKeys keys, ErrorSink errors)
    {
        if (mapping.Children.Count > 1)
        {
            errors.Add(mapping, $"Chỉ tiêu {code}: ngưỡng theo năm chỉ có khóa '{ByYearKey}', các mức đặt trong từng năm.");
            return null;
        }
        var entries = ReadYears(mapping.Children[new YamlScalarNode(ByYearKey)], code, ByYearKey, errors,
            (value, _) => ReadValues(value, code, keys, errors));
        if (entries is null)
        {
            return null;
        }
        var steps = entries.Select(e => new ThresholdStep(e.Year, e.Value.Default, e.Value.ByKey)).ToList();
        return new Threshold(steps[0].Default, steps[0].ByKey, keys.By, steps);
    }

    /// <summary>
    /// A mapping from years to values, years increasing; null when anything is wrong (each problem reported). A value the
    /// reader rejects is reported by it.
    /// </summary>
    private static List<(int Year, T Value)>? ReadYears<T>(
        YamlNode node, string code, string key, ErrorSink errors, Func<YamlNode, int, T?> read)
        where T : class
    {
        if (errors.Mapping(node, key) is not { } mapping)
        {
            return null;
        }
        var entries = new List<(int Year, T Value)>();
        var valid = true;
        foreach (var (yearNode, value) in mapping.Entries())
        {
            if (!int.TryParse(yearNode.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year == 0)
            {
                errors.Add(yearNode, $"Chỉ tiêu {code}: năm '{yearNode.Value}' trong '{key}' phải là một năm (số nguyên, ví dụ 2026).");
                valid = false;
                continue;
            }
            if (entries.Count > 0 && year <= entries[^1].Year)
            {
                errors.Add(yearNode, entries.Any(e => e.Year == year)
                    ? $"Chỉ tiêu {code}: năm {year} được khai báo hai lần trong '{key}'."
                    : $"Chỉ tiêu {code}: các năm trong '{key}' phải tăng dần ({year} đứng sau {entries[^1].Year}).");
                valid = false;
                continue;
            }
            if (read(value, year) is { } parsed)
            {
                entries.Add((year, parsed));
            }
            else
            {
                valid = false;
            }
        }
        if (entries.Count == 0 && valid)
        {
            errors.Add(node, $"Chỉ tiêu {code}: '{key}' cần ít nhất một năm.");
        }
        return valid && entries.Count > 0 ? entries : null;
    }

    private static Values? ReadValues(YamlNode node, string code, ThresholdKeys keys, ErrorSink errors)
    {
        if (node is YamlScalarNode)
        {
            return errors.Number(node, "threshold") is { } value ? new Values(value, new Dictionary<string, decimal>()) : null;
        }
        if (errors.Mapping(node, "threshold") is not { } mapping)
        {
            return null;
        }
        decimal? fallback = null;
        var byKey = new Dictionary<string, decimal>();
        foreach (var (key, value) in mapping.Entries())
        {
            var number = key.Value == ByYearKey ? null : errors.Number(value, key.Value!);
            if (key.Value == ByYearKey)
            {
                errors.Add(key, $"Chỉ tiêu {code}: '{ByYearKey}' chỉ đặt ngay dưới 'threshold', không lồng trong một năm.");
            }
            else if (key.Value == "default")
            {
                fallback = number;
            }
            else if (!keys.Names.Contains(key.Value!))
            {
                errors.Add(key, $"Chỉ tiêu {code}: {keys.Word} '{key.Value}' không có trong '{keys.ListKey}'.");
            }
            else if (number is { } n)
            {
                byKey[key.Value!] = n;
            }
        }
        if (fallback is null)
        {
            errors.Add(node, $"Chỉ tiêu {code}: ngưỡng theo {keys.Word} cần mức chung 'default'.");
            return null;
        }
        return new Values(fallback.Value, byKey);
    }
}
