using NtmWorkflow.Engine.Definitions;
using NtmWorkflow.Engine.Transitions;

namespace NtmWorkflow.Engine.Tests;

/// <summary>A vote rule's quorum and agreement, each at least or more than its share, read from a definition.</summary>
public sealed class VoteRuleTests
{
    [Theory]
    [InlineData(Comparison.AtLeast, 10, 9, true)]
    [InlineData(Comparison.MoreThan, 10, 9, false)]
    [InlineData(Comparison.MoreThan, 10, 10, true)]
    [InlineData(Comparison.AtLeast, 10, 8, false)]
    [InlineData(Comparison.AtLeast, 0, 0, false)]
    public void Carries_ComparesAgreementAsWorded(Comparison wording, int present, int agree, bool carries) =>
        Assert.Equal(carries, new VoteRule(90, wording).Carries(new Vote(present, present, agree)));

    [Theory]
    [InlineData(Comparison.MoreThan, 24, 12, false)]
    [InlineData(Comparison.AtLeast, 24, 12, true)]
    [InlineData(Comparison.MoreThan, 24, 13, true)]
    [InlineData(Comparison.AtLeast, 24, 11, false)]
    public void IsQuorate_ComparesPresenceAsWorded(Comparison wording, int members, int present, bool quorate) =>
        Assert.Equal(quorate, new VoteRule(90, Quorum: wording).IsQuorate(new Vote(members, present, present)));

    [Fact]
    public void Parse_ReadsTheWordingAndTheQuorum()
    {
        var definition = DefinitionParser.Parse(Tiny("{ min-agree-percent: 75, agree: more-than, quorum-percent: 66, quorum: at-least }"), "tiny.yaml");

        Assert.Equal(new VoteRule(75, Comparison.MoreThan, 66, Comparison.AtLeast), definition.Stages["review"].Actions["approve"].Vote);
    }

    [Fact]
    public void Parse_WithoutWording_TakesAtLeastForAgreementAndMoreThanHalfForQuorum()
    {
        var definition = DefinitionParser.Parse(Tiny("{ min-agree-percent: 75 }"), "tiny.yaml");

        Assert.Equal(new VoteRule(75, Comparison.AtLeast, 50, Comparison.MoreThan), definition.Stages["review"].Actions["approve"].Vote);
    }

    [Theory]
    [InlineData("{ min-agree-percent: 75, agree: about }", "about")]
    [InlineData("{ min-agree-percent: 75, quorum-percent: 101 }", "quorum-percent")]
    [InlineData("{ min-agree-percent: 75, quorum-percent: 0 }", "quorum-percent")]
    public void Parse_RefusesAWrongVoteRule(string rule, string mentions)
    {
        var error = Assert.Throws<DefinitionException>(() => DefinitionParser.Parse(Tiny(rule), "tiny.yaml"));

        Assert.Contains(error.Errors, e => e.Message.Contains(mentions));
    }

    private static string Tiny(string vote) => $$"""
        id: tiny
        version: 1
        title: Thử
        subject: commune
        levels: [ntm]
        criteria:
          ntm: commune-ntm-2021
        start: review
        stages:
          review:
            title: Thẩm tra
            actor: district-reviewer
            actions:
              approve:
                title: Đồng ý
                to: recognised
                requires: [vote]
                vote: {{vote}}
        ends:
          recognised: { title: Xong }
        """;
}
