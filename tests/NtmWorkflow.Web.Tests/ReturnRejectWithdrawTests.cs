using System.Net;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

public sealed class ReturnRejectWithdrawTests(NtmApp app) : IClassFixture<NtmApp>
{
    private readonly Procedure procedure = new(app);

    [Fact]
    public async Task DistrictReturnsForSupplement_CommuneResubmits_BackInDistrictReview()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.At(commune, "district-review");
        dossier = await procedure.MustAct(Procedure.District, dossier, "request-supplement", new { comment = "Bổ sung biên bản họp" });
        Assert.Equal("commune-supplement", dossier.GetProperty("stage").GetString());
        var communeView = await procedure.Get(commune.Officer, dossier);
        Assert.Contains("resubmit", communeView.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
        Assert.Empty((await procedure.Get(Procedure.District, dossier)).GetProperty("allowedActions").EnumerateArray());

        dossier = await procedure.MustAct(commune.Officer, dossier, "resubmit");
        Assert.Equal("district-review", dossier.GetProperty("stage").GetString());
        dossier = await procedure.MustAct(Procedure.District, dossier, "approve");
        Assert.Equal("district-public-notice", dossier.GetProperty("stage").GetString());

        var timeline = (await procedure.Timeline(commune.Officer, dossier)).EnumerateArray().ToList();
        var returned = timeline.Single(e => e.GetProperty("action").GetString() == "request-supplement");
        Assert.Equal("Bổ sung biên bản họp", returned.GetProperty("comment").GetString());
        Assert.Equal("district-reviewer", returned.GetProperty("role").GetString());
    }

    [Fact]
    public async Task ProvinceReturnsForSupplement_DistrictResubmits_BackInProvincialAppraisal()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.At(commune, "provincial-appraisal");
        dossier = await procedure.MustAct(Procedure.Appraiser, dossier, "request-supplement", new { comment = "Thiếu báo cáo nợ đọng" });
        Assert.Equal("district-supplement", dossier.GetProperty("stage").GetString());
        dossier = await procedure.MustAct(Procedure.District, dossier, "resubmit");
        Assert.Equal("provincial-appraisal", dossier.GetProperty("stage").GetString());
        dossier = await procedure.MustAct(Procedure.Appraiser, dossier, "send-to-council");
        Assert.Equal("appraisal-council", dossier.GetProperty("stage").GetString());
    }

    [Fact]
    public async Task CommuneReopensSelfAssessment_FromPublicComment_WithAComment()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.At(commune, "commune-public-comment");
        dossier = await procedure.MustAct(commune.Officer, dossier, "reopen-self-assessment", new { comment = "Sửa theo góp ý của Mặt trận" });
        Assert.Equal("self-assessment", dossier.GetProperty("stage").GetString());
    }

    [Theory]
    [InlineData("district-review", "reject", Procedure.District)]
    [InlineData("provincial-appraisal", "reject", Procedure.Appraiser)]
    [InlineData("decision", "decline", Procedure.Leader)]
    public async Task Reject_WithAReason_EndsRejectedWithNoFurtherActions(string stage, string action, string who)
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.At(commune, stage);
        var missing = await ProblemAssert.Is(HttpStatusCode.BadRequest, await procedure.Act(who, dossier, action));
        Assert.True(missing.Names("comment"));

        dossier = await procedure.MustAct(who, dossier, action, new { comment = "Tiêu chí 13 chưa đạt" });
        Assert.Equal("rejected", dossier.GetProperty("stage").GetString());
        Assert.Equal("rejected", dossier.GetProperty("status").GetString());
        Assert.Empty(dossier.GetProperty("allowedActions").EnumerateArray());
        var after = await ProblemAssert.Is(HttpStatusCode.Conflict, await procedure.Act(who, dossier, action, new { comment = "lần nữa" }));
        Assert.Contains("kết thúc", after.Detail());
    }

    [Fact]
    public async Task CouncilNotRecommending_NeedsVoteAndReason_EndsRejected()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.At(commune, "appraisal-council");
        var noReason = await ProblemAssert.Is(HttpStatusCode.BadRequest,
            await procedure.Act(Procedure.Appraiser, dossier, "not-recommend", new { vote = new { members = 15, present = 15, agree = 5 } }));
        Assert.True(noReason.Names("comment"));
        dossier = await procedure.MustAct(Procedure.Appraiser, dossier, "not-recommend",
            new { vote = new { members = 15, present = 15, agree = 5 }, comment = "Chưa đạt tiêu chí thu nhập" });
        Assert.Equal("rejected", dossier.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("self-assessment")]
    [InlineData("commune-public-comment")]
    [InlineData("district-review")]
    [InlineData("district-public-notice")]
    [InlineData("provincial-appraisal")]
    [InlineData("appraisal-council")]
    public async Task Withdraw_BeforeTheDecision_ByTheCommuneWithAReason_EndsWithdrawn(string stage)
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.At(commune, stage);
        Assert.Contains("withdraw", (await procedure.Get(commune.Officer, dossier)).GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
        await ProblemAssert.Is(HttpStatusCode.BadRequest, await procedure.Act(commune.Officer, dossier, "withdraw"));
        dossier = await procedure.MustAct(commune.Officer, dossier, "withdraw", new { comment = "Xã xin rút để hoàn thiện tiêu chí" });
        Assert.Equal("withdrawn", dossier.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("decision")]
    [InlineData("announcement-ceremony")]
    public async Task Withdraw_AtOrAfterTheDecision_IsRefused(string stage)
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.At(commune, stage);
        var problem = await ProblemAssert.Is(HttpStatusCode.Conflict,
            await procedure.Act(commune.Officer, dossier, "withdraw", new { comment = "muộn" }));
        Assert.Contains("withdraw", problem.Detail());
    }

    [Fact]
    public async Task WithdrawnCommune_CanOpenANewDossierAtTheSameLevel()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.Create(commune);
        await procedure.MustAct(commune.Officer, dossier, "withdraw", new { comment = "Làm lại" });
        var again = await procedure.Create(commune);
        Assert.NotEqual(Procedure.Id(dossier), Procedure.Id(again));
    }
}
