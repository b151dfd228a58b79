using System.Text.RegularExpressions;

namespace NtmWorkflow.Engine.Drafts;

/// <summary>The blanks of a paper's wording, written {name}: found when the wording is checked, filled when a paper is composed.</summary>
public static partial class DraftBlanks
{
    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex Blank();

    public static IEnumerable<string> In(string text) => Blank().Matches(text).Select(m => m.Groups[1].Value);

    /// <summary>The text with each blank replaced by its value; a blank without one stays as written.</summary>
    public static string Fill(string text, IReadOnlyDictionary<string, string> values) =>
        Blank().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);
}
