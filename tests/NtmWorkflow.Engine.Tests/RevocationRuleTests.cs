using NtmWorkflow.Engine.Criteria;
using NtmWorkflow.Engine.Transitions;

namespace NtmWorkflow.Engine.Tests;

/// <summary>The revocation rule at its boundaries, on a 100-criterion set where each percent is one criterion.</summary>
public sealed class RevocationRuleTests
{
    private static readonly CriteriaSet Hundred = Shipped.Criteria.Find("commune-ntm-2021")! with
    {
        Criteria = Enumerable.Range(1, 100).Select(n => new Criterion(n, $"Tiêu chí {n}", Key: n == 100, [], n)).ToList(),
    };

    private static IReadOnlyList<Criterion> Failing(int count, bool withKey) =>
        Hundred.Criteria.Where(c => !c.Key).Take(withKey ? count - 1 : count).Concat(withKey ? [Hundred.Criteria[99]] : []).ToList();

    [Theory]
    [InlineData(29, false, false)]
    [InlineData(29, true, false)]
    [InlineData(30, false, false)]
    [InlineData(30, true, true)]
    [InlineData(49, false, false)]
    [InlineData(49, true, true)]
    [InlineData(50, false, true)]
    [InlineData(50, true, true)]
    [InlineData(0, false, false)]
    [InlineData(100, true, true)]
    public void Assess_AppliesTheThirtyAndFiftyPercentRule(int failing, bool withKey, bool revoke)
    {
        var assessment = RevocationRule.Assess(Hundred, Failing(failing, withKey), assessed: 100);
        Assert.Equal(revoke, assessment.RuleMet);
        Assert.Equal(failing, assessment.FailingPercent);
        Assert.Equal(withKey && failing > 0 ? 1 : 0, assessment.KeyFailing.Count);
        Assert.Contains($"{failing}/100", assessment.Reason);
    }

    [Fact]
    public void Assess_OnTheShippedCommuneSet_CountsNineteenCriteria()
    {
        var set = Shipped.Criteria.Find("commune-ntm-2021")!;
        var income = set.Criteria[9];
        var sixFailWithIncome = set.Criteria.Take(5).Append(income).ToList();
        var assessment = RevocationRule.Assess(set, sixFailWithIncome, assessed: 19);
        Assert.Equal(31.6m, assessment.FailingPercent);
        Assert.True(assessment.RuleMet);
        Assert.Contains("10. Thu nhập", assessment.Reason);
    }

    [Fact]
    public void Gate_WhenCriteriaAreStillUnassessed_RefusesTheProposal()
    {
        var definition = Shipped.Definition("commune-ntm-revocation");
        var assessment = RevocationRule.Assess(Hundred, Failing(60, false), assessed: 99);
        var outcome = WorkflowEngine.Evaluate(definition, "reassessment", "propose-revocation", [Roles.DistrictReviewer],
            ActionInput.None with { Comment = "Rà soát năm 2026" }, new GateFacts([], [], [], assessment));
        Assert.Equal(Refusal.RuleNotMet, outcome.Refusal);
        Assert.Contains("1 tiêu chí chưa được đánh giá lại", outcome.Message);
    }

    [Fact]
    public void Gate_WhenTheRuleIsNotMet_RefusesWithTheReason()
    {
        var definition = Shipped.Definition("commune-ntm-revocation");
        var assessment = RevocationRule.Assess(Hundred, Failing(30, false), assessed: 100);
        var outcome = WorkflowEngine.Evaluate(definition, "reassessment", "propose-revocation", [Roles.DistrictReviewer],
            ActionInput.None with { Comment = "Rà soát" }, new GateFacts([], [], [], assessment));
        Assert.Contains("không có tiêu chí trọng yếu", outcome.Message);
    }

    [Fact]
    public void Gate_WithoutAnAssessment_FailsClosed()
    {
        var outcome = WorkflowEngine.Evaluate(Shipped.Definition("commune-ntm-revocation"), "reassessment", "propose-revocation",
            [Roles.DistrictReviewer], ActionInput.None with { Comment = "x" });
        Assert.Equal(Refusal.RuleNotMet, outcome.Refusal);
    }
}
