using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>Per-criterion review at district and province: disputes block approval and travel back to the commune.</summary>
public sealed class ReviewTests(NtmApp app) : IClassFixture<NtmApp>
{
    private readonly Procedure procedure = new(app);

    private async Task<HttpResponseMessage> Review(string who, JsonElement dossier, int number, object body) =>
        await (await app.As(who)).PutAsJsonAsync($"/api/dossiers/{Procedure.Id(dossier)}/criteria/{number}/review", body);

    [Fact]
    public async Task DisputeAtDistrict_BlocksApproval_TravelsBack_AndClearsWhenTheReviewerAgrees()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.At(commune, "district-review");
        await Procedure.Must(await Review(Procedure.District, dossier, 1, new { agree = true }));
        var view = await Procedure.Must(await Review(Procedure.District, dossier, 13, new { agree = false, note = "HTX chưa hoạt động hiệu quả" }));
        Assert.Equal(13, Assert.Single(view.GetProperty("disputed").EnumerateArray()).GetProperty("number").GetInt32());
        dossier = await procedure.Get(Procedure.District, dossier);

        var refused = await ProblemAssert.Is(HttpStatusCode.Conflict, await procedure.Act(Procedure.District, dossier, "approve"));
        Assert.Contains("13. Tổ chức sản xuất", refused.Detail());
        Assert.Equal(13, Assert.Single(refused.GetProperty("blockingCriteria").EnumerateArray()).GetProperty("number").GetInt32());

        dossier = await procedure.MustAct(Procedure.District, dossier, "request-supplement", new { comment = "Xem ý kiến tiêu chí 13" });
        var seenByCommune = await (await app.As(commune.Officer)).GetFromJsonAsync<JsonElement>($"/api/dossiers/{Procedure.Id(dossier)}/criteria");
        var criterion13 = seenByCommune.GetProperty("criteria")[12];
        Assert.True(criterion13.GetProperty("disputed").GetBoolean());
        Assert.Equal("HTX chưa hoạt động hiệu quả", criterion13.GetProperty("reviews")[0].GetProperty("note").GetString());
        Assert.False(seenByCommune.GetProperty("criteria")[0].GetProperty("disputed").GetBoolean());

        await Procedure.Must(await (await app.As(commune.Officer)).PutAsJsonAsync(
            $"/api/dossiers/{Procedure.Id(dossier)}/criteria/13", new { met = true, explanation = "Bổ sung báo cáo HTX" }));
        dossier = await procedure.MustAct(commune.Officer, await procedure.Get(commune.Officer, dossier), "resubmit");
        await ProblemAssert.Is(HttpStatusCode.Conflict, await procedure.Act(Procedure.District, dossier, "approve"));
        var agreed = await Procedure.Must(await Review(Procedure.District, dossier, 13, new { agree = true, note = "Đã bổ sung" }));
        Assert.Empty(agreed.GetProperty("disputed").EnumerateArray());
        Assert.Equal(2, agreed.GetProperty("criteria")[12].GetProperty("reviews").GetArrayLength());

        dossier = await procedure.MustAct(Procedure.District, await procedure.Get(Procedure.District, dossier), "approve");
        Assert.Equal("district-public-notice", dossier.GetProperty("stage").GetString());
    }

    [Fact]
    public async Task DisputeAtProvince_BlocksTheCouncil_AndIsKeptBesideTheDistrictVerdict()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.At(commune, "district-review");
        await Procedure.Must(await Review(Procedure.District, dossier, 18, new { agree = true }));
        dossier = await procedure.At(commune, "provincial-appraisal", existing: await procedure.Get(Procedure.District, dossier));
        var view = await Procedure.Must(await Review(Procedure.Appraiser, dossier, 18, new { agree = false, note = "Chưa đạt chuẩn tiếp cận pháp luật" }));

        var reviews = view.GetProperty("criteria")[17].GetProperty("reviews");
        Assert.Equal(["district-review", "provincial-appraisal"], reviews.EnumerateArray().Select(r => r.GetProperty("stage").GetString()));
        dossier = await procedure.Get(Procedure.Appraiser, dossier);
        await ProblemAssert.Is(HttpStatusCode.Conflict, await procedure.Act(Procedure.Appraiser, dossier, "send-to-council"));
    }

    [Fact]
    public async Task Disagreeing_WithoutANote_Is400()
    {
        var dossier = await procedure.At(await app.NewCommune(), "district-review");
        var problem = await ProblemAssert.Is(HttpStatusCode.BadRequest, await Review(Procedure.District, dossier, 2, new { agree = false }));
        Assert.True(problem.Names("note"));
        await ProblemAssert.Is(HttpStatusCode.BadRequest, await Review(Procedure.District, dossier, 2, new { note = "?" }));
    }

    [Fact]
    public async Task Review_OutsideAReviewStage_Is409()
    {
        var dossier = await procedure.At(await app.NewCommune(), "district-public-notice");
        await ProblemAssert.Is(HttpStatusCode.Conflict, await Review(Procedure.District, dossier, 2, new { agree = true }));
    }

    [Theory]
    [InlineData("commune")]
    [InlineData("huyen.tracu")]
    [InlineData(Procedure.Appraiser)]
    public async Task Review_ByAnyoneButTheStagesReviewer_Is403(string who)
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.At(commune, "district-review");
        await ProblemAssert.Is(HttpStatusCode.Forbidden,
            await Review(who == "commune" ? commune.Officer : who, dossier, 2, new { agree = true }));
    }

    [Fact]
    public async Task Review_OfAnUnknownCriterion_Is404()
    {
        var dossier = await procedure.At(await app.NewCommune(), "district-review");
        await ProblemAssert.Is(HttpStatusCode.NotFound, await Review(Procedure.District, dossier, 42, new { agree = true }));
    }
}
