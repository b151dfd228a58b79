using NtmWorkflow.Engine.Criteria;
using NtmWorkflow.Engine.Definitions;
using NtmWorkflow.Engine.Transitions;

namespace NtmWorkflow.Engine.Tests;

/// <summary>Every transition of every shipped definition: the rightful role moves, every other role is refused.</summary>
public sealed class ShippedDefinitionTests
{
    public static TheoryData<string, string, string> EveryTransition()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var definition in Shipped.Definitions.All)
        {
            foreach (var stage in definition.Stages.Values)
            {
                foreach (var action in stage.Actions.Keys)
                {
                    data.Add(definition.Id, stage.Name, action);
                }
            }
        }
        return data;
    }

    private static readonly ActionInput Complete = new(
        "Ý kiến",
        new Vote(20, 20, 19),
        new Decision("694/QĐ-UBND-HC", new DateOnly(2023, 6, 30), "Phó Chủ tịch"),
        new Ceremony(new DateOnly(2023, 7, 18), "UBND xã"));

    [Theory]
    [MemberData(nameof(EveryTransition))]
    public void Evaluate_WhenTheActorRoleActsWithCompleteInput_MovesToTheTarget(string id, string stage, string action)
    {
        var definition = Shipped.Definition(id);
        var expected = definition.Stages[stage].Actions[action];

        var outcome = WorkflowEngine.Evaluate(definition, stage, action, [expected.Actor], Complete, Shipped.Passing);

        Assert.True(outcome.Allowed, outcome.Message);
        Assert.Equal(expected.To, outcome.To);
    }

    [Theory]
    [MemberData(nameof(EveryTransition))]
    public void Evaluate_WhenAnyOtherRoleActs_RefusesForWrongRole(string id, string stage, string action)
    {
        var definition = Shipped.Definition(id);
        var rightful = definition.Stages[stage].Actions[action].Actor;

        foreach (var role in Roles.All.Where(r => r != rightful))
        {
            var outcome = WorkflowEngine.Evaluate(definition, stage, action, [role], Complete);
            Assert.Equal(Refusal.WrongRole, outcome.Refusal);
            Assert.Contains(Roles.VietnameseName(rightful), outcome.Message);
        }
    }

    [Theory]
    [MemberData(nameof(EveryTransition))]
    public void Evaluate_WhenARequiredFieldIsMissing_RefusesNamingIt(string id, string stage, string action)
    {
        var definition = Shipped.Definition(id);
        var taken = definition.Stages[stage].Actions[action];

        foreach (var field in taken.Requires)
        {
            var input = field switch
            {
                RequiredField.Comment => Complete with { Comment = "  " },
                RequiredField.Vote => Complete with { Vote = null },
                RequiredField.Decision => Complete with { Decision = null },
                _ => Complete with { Ceremony = null },
            };
            var outcome = WorkflowEngine.Evaluate(definition, stage, action, [taken.Actor], input);
            Assert.Equal(Refusal.MissingField, outcome.Refusal);
            Assert.Equal(field.ToString().ToLowerInvariant(), outcome.Field);
        }
    }

    [Theory]
    [MemberData(nameof(EveryTransition))]
    public void AllowedActions_ForTheActorRole_IncludeTheAction(string id, string stage, string action)
    {
        var definition = Shipped.Definition(id);
        var actor = definition.Stages[stage].Actions[action].Actor;

        Assert.Contains(action, WorkflowEngine.AllowedActions(definition, stage, [actor]).Select(a => a.Name));
    }

    [Fact]
    public void CommuneNtm_HasTheEightStagesOfTheProcedure_AndTheSupplementLoops()
    {
        var definition = Shipped.Definition("commune-ntm");
        string[] procedure =
        [
            "self-assessment", "commune-public-comment", "district-review", "district-public-notice",
            "provincial-appraisal", "appraisal-council", "decision", "announcement-ceremony",
        ];
        Assert.All(procedure, stage => Assert.Contains(stage, definition.Stages.Keys));
        Assert.Equal("commune-supplement", definition.Stages["district-review"].Actions["request-supplement"].To);
        Assert.Equal("district-review", definition.Stages["commune-supplement"].Actions["resubmit"].To);
        Assert.Equal("district-supplement", definition.Stages["provincial-appraisal"].Actions["request-supplement"].To);
        Assert.Equal("provincial-appraisal", definition.Stages["district-supplement"].Actions["resubmit"].To);
        Assert.Equal(["recognised", "rejected", "withdrawn"], definition.Ends.Keys.Order());
    }

    [Fact]
    public void CommuneNtmTwoTier_HasNoDistrictStage_NorDistrictActor()
    {
        var definition = Shipped.Definition("commune-ntm-two-tier");
        Assert.DoesNotContain(definition.Stages.Keys, s => s.StartsWith("district", StringComparison.Ordinal));
        Assert.DoesNotContain(definition.Stages.Values.SelectMany(s => s.Actions.Values), a => a.Actor == Roles.DistrictReviewer);
        Assert.Equal("provincial-appraisal", definition.Stages["commune-public-comment"].Actions["submit-to-province"].To);
    }

    [Theory]
    [InlineData("commune-ntm")]
    [InlineData("commune-ntm-two-tier")]
    public void Withdraw_IsOfferedToTheCommuneInEveryStageBeforeTheDecision_AndNeverAfter(string id)
    {
        var definition = Shipped.Definition(id);
        foreach (var stage in definition.Stages.Values)
        {
            var beforeDecision = stage.Name is not ("decision" or "announcement-ceremony");
            var withdraw = stage.Actions.GetValueOrDefault("withdraw");
            Assert.Equal(beforeDecision, withdraw is not null);
            if (withdraw is not null)
            {
                Assert.Equal(Roles.CommuneOfficer, withdraw.Actor);
                Assert.Equal("withdrawn", withdraw.To);
                Assert.Contains(RequiredField.Comment, withdraw.Requires);
            }
        }
    }

    [Theory]
    [InlineData("commune-ntm")]
    [InlineData("commune-ntm-two-tier")]
    public void EveryReturnRejectAndDecline_RequiresAComment(string id)
    {
        var definition = Shipped.Definition(id);
        var actions = definition.Stages.Values.SelectMany(s => s.Actions.Values)
            .Where(a => a.Name is "request-supplement" or "reject" or "decline" or "not-recommend");
        Assert.All(actions, a => Assert.Contains(RequiredField.Comment, a.Requires));
    }

    [Theory]
    [InlineData("commune-ntm", "announcement-ceremony", "recognised")]
    [InlineData("commune-ntm", "decision", "in-progress")]
    [InlineData("commune-ntm", "rejected", "rejected")]
    [InlineData("commune-ntm-two-tier", "withdrawn", "withdrawn")]
    public void StatusOf_AStep_FollowsTheDefinition(string id, string step, string status) =>
        Assert.Equal(status, Shipped.Definition(id).StatusOf(step));
}

public sealed class MainPathTests
{
    [Theory]
    [InlineData("commune-ntm", "self-assessment,commune-public-comment,district-review,district-public-notice,provincial-appraisal,appraisal-council,decision,announcement-ceremony,recognised")]
    [InlineData("commune-ntm-two-tier", "self-assessment,commune-public-comment,provincial-appraisal,appraisal-council,decision,announcement-ceremony,recognised")]
    [InlineData("district-ntm", "self-assessment,district-public-comment,province-review,province-public-notice,central-appraisal,central-council,decision,announcement-ceremony,recognised")]
    public void MainPath_FollowsTheForwardActions_ToTheEnd(string id, string path) =>
        Assert.Equal(path.Split(','), Shipped.Definition(id).MainPath());
}
