using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NtmWorkflow.Engine.Definitions;

/// <summary>What every data file of workflows/ shares: one YAML document, kebab-case names, located syntax errors.</summary>
internal static partial class YamlText
{
    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    public static bool IsKebabCase(string name) => KebabCase().IsMatch(name);

    /// <summary>The document's top mapping, or null with the syntax error recorded.</summary>
    public static YamlMappingReader? ReadRoot(string content, ErrorSink errors, string what)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(content));
        }
        catch (YamlException e)
        {
            errors.Add((int)e.Start.Line, (int)e.Start.Column, $"Lỗi cú pháp YAML: {Vietnamese(e.Message)}");
            return null;
        }
        catch (InvalidOperationException)
        {
            // Some malformed flow collections make YamlDotNet fail without a position: find where parsing stopped.
            var mark = WhereParsingStops(content);
            errors.Add((int)mark.Line, (int)mark.Column, "Lỗi cú pháp YAML: cấu trúc không đóng đúng (thiếu ']' hoặc '}'?).");
            return null;
        }
        if (stream.Documents.Count != 1)
        {
            errors.Add(1, 1, $"Tệp phải chứa đúng một {what}.");
            return null;
        }
        return errors.Mapping(stream.Documents[0].RootNode, what);
    }

    /// <summary>The one syntax error an official makes most in a mapping keyed by names or years, in their language.</summary>
    private static string Vietnamese(string message) =>
        message.StartsWith(DuplicateKey, StringComparison.Ordinal)
            ? $"khóa '{message[DuplicateKey.Length..]}' được khai báo hai lần trong cùng một nhóm."
            : message;

    private const string DuplicateKey = "Duplicate key ";

    private static Mark WhereParsingStops(string content)
    {
        var parser = new Parser(new StringReader(content));
        var last = new Mark();
        try
        {
            while (parser.MoveNext())
            {
                last = parser.Current!.End;
            }
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            return e is YamlException yaml ? yaml.Start : last;
        }
        return last;
    }
}
