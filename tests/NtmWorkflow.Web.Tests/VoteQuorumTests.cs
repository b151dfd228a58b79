using System.Net;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>A council's vote counts only with more than half of its members present.</summary>
public sealed class VoteQuorumTests(NtmApp app) : IClassFixture<NtmApp>
{
    private readonly Procedure procedure = new(app);

    [Fact]
    public async Task TwelvePresentOfTwentyFive_IsRefusedAsARuleNotMet_ThirteenCarry()
    {
        var dossier = await procedure.At(await app.NewCommune(), "appraisal-council");
        dossier = await procedure.ProvideDocuments(Procedure.Appraiser, dossier, "recommend");

        var tooFew = await procedure.Act(Procedure.Appraiser, dossier, "recommend", new { vote = new { members = 25, present = 12, agree = 12 } });

        var problem = await ProblemAssert.Is(HttpStatusCode.Conflict, tooFew);
        Assert.True(problem.Names("vote"));
        Assert.Contains("12/25", problem.Detail());
        Assert.Contains("túc số", problem.Detail());
        var carried = await Procedure.Must(await procedure.Act(Procedure.Appraiser, dossier, "recommend",
            new { vote = new { members = 25, present = 13, agree = 12 } }));
        Assert.Equal("decision", carried.GetProperty("stage").GetString());
    }
}
