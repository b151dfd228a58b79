using NtmWorkflow.Engine.Definitions;
using NtmWorkflow.Engine.Transitions;

namespace NtmWorkflow.Engine.Tests;

/// <summary>A council stage is found from the definition: its convener's stage with a carrying and a not-carrying vote.</summary>
public sealed class CouncilStageTests
{
    [Theory]
    [InlineData("commune-ntm")]
    [InlineData("commune-ntm-two-tier")]
    [InlineData("commune-ntm-2026")]
    public void All_InTheCommuneProcedures_FindsTheAppraisalCouncil(string id)
    {
        var council = Assert.Single(CouncilStage.All(Shipped.Definition(id), Roles.ProvinceAppraiser));

        Assert.Equal(("appraisal-council", "recommend", "not-recommend", "bien-ban-hoi-dong"),
            (council.Stage, council.Carrying.Name, council.NotCarrying.Name, council.MinutesType));
    }

    [Fact]
    public void All_InTheDistrictProcedure_FindsTheCentralCouncil_NotTheProvinceVote()
    {
        var definition = Shipped.Definition("district-ntm");

        Assert.Empty(CouncilStage.All(definition, Roles.ProvinceAppraiser));
        Assert.Equal("central-council", Assert.Single(CouncilStage.All(definition, Roles.CentralAppraiser)).Stage);
    }

    [Theory]
    [InlineData("commune-ntm-revocation")]
    [InlineData("commune-ntm-revocation-2026")]
    public void All_InARevocation_FindsNone(string id) =>
        Assert.Empty(CouncilStage.All(Shipped.Definition(id), Roles.ProvinceAppraiser));

    [Fact]
    public void At_AStageOfAnotherRole_IsNull() =>
        Assert.Null(CouncilStage.At(Shipped.Definition("commune-ntm"), "appraisal-council", Roles.ProvinceLeader));

    [Theory]
    [InlineData(20, 19, 18, "recommend")]
    [InlineData(20, 19, 17, "not-recommend")]
    [InlineData(20, 10, 10, "not-recommend")]
    [InlineData(20, 11, 10, "recommend")]
    public void ActionFor_TakesTheCarryingActionOnlyWithQuorumAndThreshold(int members, int present, int agree, string action)
    {
        var council = CouncilStage.At(Shipped.Definition("commune-ntm"), "appraisal-council", Roles.ProvinceAppraiser)!;

        Assert.Equal(action, council.ActionFor(new Vote(members, present, agree)).Name);
    }
}
