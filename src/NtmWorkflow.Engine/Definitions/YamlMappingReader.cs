using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace NtmWorkflow.Engine.Definitions;

/// <summary>
/// Reads one YAML mapping key by key, reporting each problem with its line so that an official editing
/// a definition by hand learns exactly where it went wrong. Keys nobody asked for are typos and are reported.
/// </summary>
internal sealed class YamlMappingReader(YamlMappingNode node, ErrorSink errors)
{
    private readonly HashSet<string> asked = [];

    public YamlMappingNode Node => node;

    public YamlNode? Optional(string key)
    {
        asked.Add(key);
        return node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
    }

    public YamlNode? Required(string key)
    {
        var value = Optional(key);
        if (value is null)
        {
            errors.Add(node, $"Thiếu khóa bắt buộc '{key}'.");
        }
        return value;
    }

    public string? String(string key, bool required = true)
    {
        var value = required ? Required(key) : Optional(key);
        return value is null ? null : errors.Scalar(value, key);
    }

    /// <summary>A value that must be one of <paramref name="allowed"/> (a role, a subject, a status…).</summary>
    public string? OneOf(string key, IReadOnlyList<string> allowed, bool required = true)
    {
        var value = String(key, required);
        if (value is not null && !allowed.Contains(value))
        {
            errors.Add(Optional(key)!, $"'{key}' không nhận giá trị '{value}' (dùng: {string.Join(", ", allowed)}).");
            return null;
        }
        return value;
    }

    /// <summary>An identifier: lower case words joined by hyphens.</summary>
    public string? Name(string key)
    {
        var value = String(key);
        if (value is not null && !YamlText.IsKebabCase(value))
        {
            errors.Add(Optional(key)!, $"'{key}' phải viết thường, nối bằng gạch ngang, không phải '{value}'.");
            return null;
        }
        return value;
    }

    public int? PositiveInt(string key, bool required = true)
    {
        var value = required ? Required(key) : Optional(key);
        return value is null ? null : errors.PositiveInt(value, key);
    }

    /// <summary>A whole number of either sign, for keys where a sign mistake deserves its own message.</summary>
    public int? Int(string key)
    {
        var value = Optional(key);
        var text = value is null ? null : errors.Scalar(value, key);
        if (text is null)
        {
            return null;
        }
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }
        errors.Add(value!, $"'{key}' phải là số nguyên, không phải '{text}'.");
        return null;
    }

    public YamlMappingReader? Mapping(string key, bool required = true)
    {
        var value = required ? Required(key) : Optional(key);
        return value is null ? null : errors.Mapping(value, key);
    }

    public IReadOnlyList<YamlScalarNode> ScalarList(string key, bool required = true)
    {
        var value = required ? Required(key) : Optional(key);
        if (value is null)
        {
            return [];
        }
        if (value is not YamlSequenceNode sequence)
        {
            errors.Add(value, $"'{key}' phải là một danh sách, ví dụ [a, b].");
            return [];
        }
        var items = new List<YamlScalarNode>();
        foreach (var item in sequence.Children)
        {
            if (item is YamlScalarNode scalar && !string.IsNullOrWhiteSpace(scalar.Value))
            {
                items.Add(scalar);
            }
            else
            {
                errors.Add(item, $"Mỗi phần tử của '{key}' phải là một giá trị đơn.");
            }
        }
        return items;
    }

    public IReadOnlyList<YamlMappingReader> MappingList(string key)
    {
        var value = Required(key);
        if (value is null)
        {
            return [];
        }
        if (value is not YamlSequenceNode sequence)
        {
            errors.Add(value, $"'{key}' phải là một danh sách các mục '- ...'.");
            return [];
        }
        return sequence.Children.Select(item => errors.Mapping(item, key)).OfType<YamlMappingReader>().ToList();
    }

    public bool? Bool(string key)
    {
        var value = Optional(key);
        var text = value is null ? null : errors.Scalar(value, key);
        if (text is null)
        {
            return null;
        }
        if (bool.TryParse(text, out var flag))
        {
            return flag;
        }
        errors.Add(value!, $"'{key}' phải là true hoặc false, không phải '{text}'.");
        return null;
    }

    /// <summary>Each key of the mapping with its value, for mappings whose keys are names (stages, actions).</summary>
    public IEnumerable<(YamlScalarNode Key, YamlNode Value)> Entries()
    {
        foreach (var (key, value) in node.Children)
        {
            if (key is YamlScalarNode scalar && !string.IsNullOrWhiteSpace(scalar.Value))
            {
                yield return (scalar, value);
            }
            else
            {
                errors.Add(key, "Tên phải là một giá trị đơn.");
            }
        }
    }

    public void RejectUnknownKeys()
    {
        foreach (var key in node.Children.Keys)
        {
            if (key is YamlScalarNode { Value: { } name } && !asked.Contains(name))
            {
                errors.Add(key, $"Khóa '{name}' không được hỗ trợ ở đây (các khóa hợp lệ: {string.Join(", ", asked)}).");
            }
        }
    }
}

/// <summary>Collects located errors for one file.</summary>
internal sealed class ErrorSink(string file)
{
    private readonly List<DefinitionError> errors = [];

    public IReadOnlyList<DefinitionError> Errors => errors;

    public void Add(YamlNode node, string message) =>
        errors.Add(new DefinitionError(file, (int)node.Start.Line, (int)node.Start.Column, message));

    public void Add(int line, int column, string message) => errors.Add(new DefinitionError(file, line, column, message));

    public decimal? Number(YamlNode value, string key)
    {
        var text = Scalar(value, key);
        if (text is null)
        {
            return null;
        }
        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }
        Add(value, $"'{key}' phải là một số (dấu chấm thập phân), không phải '{text}'.");
        return null;
    }

    public string? Scalar(YamlNode value, string key)
    {
        if (value is YamlScalarNode scalar && !string.IsNullOrWhiteSpace(scalar.Value))
        {
            return scalar.Value.Trim();
        }
        Add(value, $"'{key}' phải là một giá trị đơn, không để trống.");
        return null;
    }

    public int? PositiveInt(YamlNode value, string key)
    {
        var text = Scalar(value, key);
        if (text is null)
        {
            return null;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0)
        {
            return number;
        }
        Add(value, $"'{key}' phải là số nguyên dương, không phải '{text}'.");
        return null;
    }

    public YamlMappingReader? Mapping(YamlNode value, string key)
    {
        if (value is YamlMappingNode mapping)
        {
            return new YamlMappingReader(mapping, this);
        }
        Add(value, $"'{key}' phải là một nhóm khóa: giá trị.");
        return null;
    }
}
