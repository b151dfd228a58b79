using NtmWorkflow.Engine.Criteria;
using NtmWorkflow.Engine.Definitions;

namespace NtmWorkflow.Engine.Tests;

/// <summary>Small criteria-set files for the parser and threshold tests, and what every set keyed by region shows.</summary>
internal static class CriteriaText
{
    /// <summary>A set with the common header (five lines), then <paramref name="keys"/> and the criteria.</summary>
    public static string Set(string keys, string criteria) => $"""
        id: bo-thu
        version: 1
        title: Bộ thử
        subject: commune
        level: ntm
        {keys}
        conditions:
          min-satisfaction-percent: 90
        criteria:
        {criteria}
        """;

    /// <summary>The valid text with one thing changed is refused with an error at that line saying why, in that file.</summary>
    public static void AssertRefused(string valid, string from, string to, int line, string mentions)
    {
        var text = valid.Replace(from, to);
        Assert.NotEqual(valid, text);
        var error = Assert.Throws<DefinitionException>(() => CriteriaParser.Parse(text, "bo-thu.yaml"));
        Assert.Contains(error.Errors, e => e.Line == line && e.Message.Contains(mentions));
        Assert.All(error.Errors, e => Assert.Equal("bo-thu.yaml", e.File));
    }

    public static void AssertKeyedByRegion(CriteriaSet set)
    {
        Assert.False(set.NeedsGroup);
        Assert.Equal(ThresholdBasis.Region, set.ThresholdsBy);
        Assert.Empty(set.Groups);
    }
}
