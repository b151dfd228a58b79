using NtmWorkflow.Engine.Definitions;
using NtmWorkflow.Engine.Transitions;

namespace NtmWorkflow.Engine.Tests;

public sealed class WorkflowEngineTests
{
    private static readonly WorkflowDefinition Commune = Shipped.Definition("commune-ntm");

    [Theory]
    [InlineData("recognised")]
    [InlineData("rejected")]
    [InlineData("withdrawn")]
    public void Evaluate_WhenTheDossierHasEnded_RefusesAsNotAvailable(string end)
    {
        var outcome = WorkflowEngine.Evaluate(Commune, end, "approve", [Roles.DistrictReviewer], ActionInput.None);
        Assert.Equal(Refusal.NotAvailableInStage, outcome.Refusal);
        Assert.Contains("kết thúc", outcome.Message);
    }

    [Fact]
    public void Evaluate_WhenTheActionIsNotInTheStage_RefusesNamingTheStage()
    {
        var outcome = WorkflowEngine.Evaluate(Commune, "district-review", "sign-decision", [Roles.ProvinceLeader], ActionInput.None);
        Assert.Equal(Refusal.NotAvailableInStage, outcome.Refusal);
        Assert.Contains("Thẩm tra cấp huyện", outcome.Message);
    }

    [Fact]
    public void Evaluate_WhenTheActionIsNotInTheStage_SaysSoBeforeCheckingTheRole()
    {
        var outcome = WorkflowEngine.Evaluate(Commune, "self-assessment", "approve", [Roles.CommuneOfficer], ActionInput.None);
        Assert.Equal(Refusal.NotAvailableInStage, outcome.Refusal);
    }

    [Theory]
    [InlineData(10, 10, 9, true)]
    [InlineData(10, 10, 10, true)]
    [InlineData(20, 11, 10, true)]
    [InlineData(100, 100, 90, true)]
    [InlineData(100, 100, 89, false)]
    [InlineData(10, 9, 8, false)]
    [InlineData(10, 6, 0, false)]
    [InlineData(3, 3, 2, false)]
    public void Evaluate_WhenTheCouncilVotes_RecommendsOnlyAtNinetyPercentOfPresent(int members, int present, int agree, bool passes)
    {
        var outcome = WorkflowEngine.Evaluate(Commune, "appraisal-council", "recommend", [Roles.ProvinceAppraiser],
            ActionInput.None with { Vote = new Vote(members, present, agree) }, Shipped.Passing);
        Assert.Equal(passes, outcome.Allowed);
        if (!passes)
        {
            Assert.Equal(Refusal.RuleNotMet, outcome.Refusal);
            Assert.Contains("90%", outcome.Message);
        }
    }

    [Theory]
    [InlineData(25, 12, 12, false)]
    [InlineData(25, 13, 12, true)]
    [InlineData(20, 10, 10, false)]
    [InlineData(20, 11, 11, true)]
    [InlineData(1, 1, 1, true)]
    [InlineData(2, 1, 1, false)]
    [InlineData(10, 0, 0, false)]
    public void Evaluate_WhenTheCouncilVotes_NeedsMoreThanHalfOfItsMembersPresent(int members, int present, int agree, bool passes)
    {
        var outcome = WorkflowEngine.Evaluate(Commune, "appraisal-council", "recommend", [Roles.ProvinceAppraiser],
            ActionInput.None with { Vote = new Vote(members, present, agree) }, Shipped.Passing);
        Assert.Equal(passes, outcome.Allowed);
        if (!passes)
        {
            Assert.Equal("vote", outcome.Field);
            Assert.Contains("túc số", outcome.Message);
            Assert.Contains($"{present}/{members}", outcome.Message);
        }
    }

    [Theory]
    [InlineData(0, 0, 0, "members")]
    [InlineData(10, 11, 5, "present")]
    [InlineData(10, 5, 6, "agree")]
    [InlineData(10, -1, 0, "âm")]
    [InlineData(10, 5, -1, "âm")]
    public void Evaluate_WhenTheVoteDoesNotAddUp_RefusesAsInvalid(int members, int present, int agree, string mentions)
    {
        var outcome = WorkflowEngine.Evaluate(Commune, "appraisal-council", "not-recommend", [Roles.ProvinceAppraiser],
            new ActionInput("lý do", new Vote(members, present, agree), null, null));
        Assert.Equal(Refusal.InvalidField, outcome.Refusal);
        Assert.Equal("vote", outcome.Field);
        Assert.Contains(mentions, outcome.Message);
    }

    [Fact]
    public void Vote_ThatAddsUp_HasNoProblem() => Assert.Null(new Vote(15, 12, 12).Problem());

    [Fact]
    public void Evaluate_WhenTheDecisionHasABlankSigner_RefusesAsMissing()
    {
        var outcome = WorkflowEngine.Evaluate(Commune, "decision", "sign-decision", [Roles.ProvinceLeader],
            ActionInput.None with { Decision = new Decision("1/QĐ", new DateOnly(2026, 1, 5), " ") });
        Assert.Equal(Refusal.MissingField, outcome.Refusal);
        Assert.Equal("decision", outcome.Field);
    }

    [Fact]
    public void Evaluate_WhenTheCeremonyHasNoPlace_RefusesAsMissing()
    {
        var outcome = WorkflowEngine.Evaluate(Commune, "announcement-ceremony", "hold-ceremony", [Roles.DistrictReviewer],
            ActionInput.None with { Ceremony = new Ceremony(new DateOnly(2026, 1, 5), "") });
        Assert.Equal("ceremony", outcome.Field);
    }

    [Fact]
    public void Evaluate_WhenTheCallerHoldsSeveralRoles_AnyMatchingRoleMayAct()
    {
        var outcome = WorkflowEngine.Evaluate(Commune, "district-review", "approve",
            [Roles.Observer, Roles.DistrictReviewer], ActionInput.None, Shipped.Passing);
        Assert.True(outcome.Allowed);
    }

    [Fact]
    public void AllowedActions_ForARoleWithNothingToDo_IsEmpty()
    {
        Assert.Empty(WorkflowEngine.AllowedActions(Commune, "district-review", [Roles.Observer]));
        Assert.Empty(WorkflowEngine.AllowedActions(Commune, "recognised", [Roles.DistrictReviewer]));
    }

    [Fact]
    public void AllowedActions_ForTheCommuneDuringDistrictReview_IsOnlyWithdraw() =>
        Assert.Equal(["withdraw"], WorkflowEngine.AllowedActions(Commune, "district-review", [Roles.CommuneOfficer]).Select(a => a.Name));

    [Fact]
    public void RelevantInput_KeepsTheCommentAndOnlyTheFieldsTheActionRequires()
    {
        var approve = Commune.Stages["district-review"].Actions["approve"];
        var input = new ActionInput("ghi chú", new Vote(1, 1, 1), new Decision("1", new DateOnly(2026, 1, 5), "x"),
            new Ceremony(new DateOnly(2026, 1, 5), "y"));

        var kept = WorkflowEngine.RelevantInput(approve, input);

        Assert.Equal(new ActionInput("ghi chú", null, null, null), kept);
        var sign = Commune.Stages["decision"].Actions["sign-decision"];
        Assert.Equal(input.Decision, WorkflowEngine.RelevantInput(sign, input).Decision);
        Assert.Null(WorkflowEngine.RelevantInput(sign, input).Vote);
    }

    [Fact]
    public void Evaluate_WhenRequiredDocumentsAreMissing_RefusesListingThemByTitle()
    {
        var outcome = WorkflowEngine.Evaluate(Commune, "commune-public-comment", "submit-to-district", [Roles.CommuneOfficer],
            ActionInput.None with { Vote = new Vote(10, 10, 10) },
            Shipped.Passing with { Documents = new HashSet<string> { "bao-cao-ket-qua", "to-trinh-xa" } });

        Assert.Equal(Refusal.RuleNotMet, outcome.Refusal);
        Assert.Contains("Báo cáo tổng hợp ý kiến", outcome.Message);
        Assert.Contains("Biên bản họp của xã", outcome.Message);
        Assert.DoesNotContain("Tờ trình của UBND xã", outcome.Message);
    }

    [Fact]
    public void Evaluate_WhileThePostingRuns_RefusesStatingTheDayItMayClose()
    {
        var outcome = WorkflowEngine.Evaluate(Commune, "commune-public-comment", "submit-to-district", [Roles.CommuneOfficer],
            ActionInput.None with { Vote = new Vote(10, 10, 10) }, Shipped.Passing with { PostingUntil = new DateOnly(2026, 3, 17) });

        Assert.Equal(Refusal.RuleNotMet, outcome.Refusal);
        Assert.Contains("17/03/2026", outcome.Message);
        Assert.Contains("từ ngày 18/03/2026", outcome.Message);
    }

    [Theory]
    [InlineData("reopen-self-assessment")]
    [InlineData("withdraw")]
    public void Evaluate_WhileThePostingRuns_StillAllowsLeavingWithoutClosingIt(string action) =>
        Assert.True(WorkflowEngine.Evaluate(Commune, "commune-public-comment", action, [Roles.CommuneOfficer],
            ActionInput.None with { Comment = "lý do" }, Shipped.Passing with { PostingUntil = new DateOnly(2026, 3, 17) }).Allowed);

    [Fact]
    public void Reasons_NameEachFailingGate_OrTheKindOfRefusal()
    {
        var twoGates = WorkflowEngine.Evaluate(Commune, "commune-public-comment", "submit-to-district", [Roles.CommuneOfficer],
            ActionInput.None with { Vote = new Vote(10, 10, 10) },
            Shipped.Passing with { PostingUntil = new DateOnly(2026, 3, 17), Documents = new HashSet<string>() });
        var lowVote = WorkflowEngine.Evaluate(Commune, "appraisal-council", "recommend", [Roles.ProvinceAppraiser],
            ActionInput.None with { Vote = new Vote(10, 10, 5) }, Shipped.Passing);

        Assert.Equal(["posting", "documents"], twoGates.Reasons);
        Assert.Equal(["vote"], lowVote.Reasons);
        Assert.Equal(["not-available"], WorkflowEngine.Evaluate(Commune, "recognised", "approve", [Roles.DistrictReviewer], ActionInput.None).Reasons);
        Assert.Equal(["wrong-role"], WorkflowEngine.Evaluate(Commune, "district-review", "approve", [Roles.CommuneOfficer], ActionInput.None).Reasons);
        Assert.Empty(WorkflowEngine.Evaluate(Commune, "self-assessment", "open-public-comment", [Roles.CommuneOfficer], ActionInput.None, Shipped.Passing).Reasons);
    }
}
