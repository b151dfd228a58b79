using System.Net;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

public sealed class TwoTierTests(NtmApp app) : IClassFixture<NtmApp>
{
    private const string Workflow = "commune-ntm-two-tier";
    private readonly Procedure procedure = new(app);

    [Fact]
    public async Task TwoTierProcedure_CommuneToProvinceDirectly_EndsRecognised()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.At(commune, "recognised", Procedure.TwoTier, Workflow);
        Assert.Equal("recognised", dossier.GetProperty("status").GetString());
        Assert.Equal(Workflow, dossier.GetProperty("workflow").GetProperty("id").GetString());
        var stages = (await procedure.Timeline(commune.Officer, dossier)).EnumerateArray()
            .Select(e => e.GetProperty("toStage").GetString()).ToList();
        Assert.DoesNotContain("district-review", stages);
    }

    [Fact]
    public async Task TwoTierReturn_GoesBackToTheCommune_WhichResubmitsToTheProvince()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.At(commune, "provincial-appraisal", Procedure.TwoTier, Workflow);
        dossier = await procedure.MustAct(Procedure.Appraiser, dossier, "request-supplement", new { comment = "Bổ sung ảnh minh họa" });
        Assert.Equal("commune-supplement", dossier.GetProperty("stage").GetString());
        dossier = await procedure.MustAct(commune.Officer, dossier, "resubmit");
        Assert.Equal("provincial-appraisal", dossier.GetProperty("stage").GetString());
    }

    [Fact]
    public async Task TwoTier_DistrictReviewerHasNoAction()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.At(commune, "provincial-appraisal", Procedure.TwoTier, Workflow);
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await procedure.Act(Procedure.District, dossier, "send-to-council"));
        await ProblemAssert.Is(HttpStatusCode.Conflict, await procedure.Act(Procedure.District, dossier, "approve"));
    }
}
