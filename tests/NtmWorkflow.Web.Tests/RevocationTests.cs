using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>Revoking a recognition: the district re-assesses, the system applies the 30 %/50 % rule, the province decides.</summary>
public sealed class RevocationTests(NtmApp app) : IClassFixture<NtmApp>
{
    private const string Workflow = "commune-ntm-revocation";
    private readonly Procedure procedure = new(app);

    private async Task<(TestUnit Commune, JsonElement Dossier)> RevocationOfARecognisedCommune()
    {
        var commune = await app.NewCommune();
        await procedure.At(commune, "recognised");
        var response = await (await app.As(Procedure.District)).PostAsJsonAsync("/api/dossiers",
            new { unitCode = commune.Code, level = "ntm", year = 2025, workflow = Workflow });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (commune, await response.Json());
    }

    private async Task<JsonElement> Reassess(JsonElement dossier, params int[] failing)
    {
        var client = await app.As(Procedure.District);
        JsonElement view = default;
        for (var number = 1; number <= 19; number++)
        {
            view = await Procedure.Must(await client.PutAsJsonAsync(
                $"/api/dossiers/{Procedure.Id(dossier)}/criteria/{number}", new { met = !failing.Contains(number) }));
        }
        return view;
    }

    [Fact]
    public async Task RuleMet_RevocationRunsToTheDecision_AndTheRegistryShowsIt()
    {
        var (commune, dossier) = await RevocationOfARecognisedCommune();
        Assert.Equal("reassessment", dossier.GetProperty("stage").GetString());

        var view = await Reassess(dossier, 1, 2, 3, 4, 5, 10);
        var revocation = view.GetProperty("revocation");
        Assert.True(revocation.GetProperty("ruleMet").GetBoolean());
        Assert.Equal(31.6m, revocation.GetProperty("failingPercent").GetDecimal());
        Assert.Equal(10, Assert.Single(revocation.GetProperty("keyFailing").EnumerateArray()).GetProperty("number").GetInt32());

        dossier = await procedure.Get(Procedure.District, dossier);
        dossier = await procedure.MustAct(Procedure.District, dossier, "propose-revocation", new { comment = "Rà soát năm 2026" });
        dossier = await procedure.MustAct(Procedure.District, dossier, "submit-to-province", new { vote = Procedure.PassingVote });
        dossier = await procedure.MustAct(Procedure.Appraiser, dossier, "submit-for-decision");
        dossier = await procedure.MustAct(Procedure.Leader, dossier, "sign-revocation",
            new { decision = new { number = "1200/QĐ-UBND", date = Procedure.Today, signer = "Chủ tịch UBND tỉnh" } });
        Assert.Equal("revoked", dossier.GetProperty("status").GetString());

        var registry = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/public/decisions?q={Uri.EscapeDataString(commune.Name)}");
        var entry = Assert.Single(registry.GetProperty("items").EnumerateArray());
        Assert.Matches(@"^\d+/QĐ-UBND-HC$", entry.GetProperty("decision").GetProperty("number").GetString());
        Assert.Equal("1200/QĐ-UBND", entry.GetProperty("revocation").GetProperty("number").GetString());

        var again = await procedure.Create(commune);
        Assert.Equal("ntm", again.GetProperty("level").GetString());
    }

    [Theory]
    [InlineData(new[] { 1, 2, 3, 4, 5, 6 }, "không có tiêu chí trọng yếu")]
    [InlineData(new[] { 1, 2, 3, 4, 10 }, "dưới 30%")]
    public async Task RuleNotMet_ProposalIsRefusedWithTheReason(int[] failing, string mentions)
    {
        var (_, dossier) = await RevocationOfARecognisedCommune();
        var view = await Reassess(dossier, failing);
        Assert.False(view.GetProperty("revocation").GetProperty("ruleMet").GetBoolean());
        dossier = await procedure.Get(Procedure.District, dossier);

        var problem = await ProblemAssert.Is(HttpStatusCode.Conflict,
            await procedure.Act(Procedure.District, dossier, "propose-revocation", new { comment = "Rà soát" }));
        Assert.Contains(mentions, problem.Detail());
    }

    [Fact]
    public async Task ProposalBeforeEveryCriterionIsReassessed_IsRefused()
    {
        var (_, dossier) = await RevocationOfARecognisedCommune();
        await Procedure.Must(await (await app.As(Procedure.District)).PutAsJsonAsync(
            $"/api/dossiers/{Procedure.Id(dossier)}/criteria/1", new { met = false }));
        dossier = await procedure.Get(Procedure.District, dossier);
        var problem = await ProblemAssert.Is(HttpStatusCode.Conflict,
            await procedure.Act(Procedure.District, dossier, "propose-revocation", new { comment = "Rà soát" }));
        Assert.Contains("18 tiêu chí chưa được đánh giá lại", problem.Detail());
    }

    [Fact]
    public async Task Revocation_OfAUnitThatHoldsNoRecognition_Is409()
    {
        var commune = await app.NewCommune();
        var response = await (await app.As(Procedure.District)).PostAsJsonAsync("/api/dossiers",
            new { unitCode = commune.Code, level = "ntm", year = 2025, workflow = Workflow });
        Assert.Contains("không có gì để thu hồi", (await ProblemAssert.Is(HttpStatusCode.Conflict, response)).Detail());
    }

    [Fact]
    public async Task Revocation_StartedByTheCommuneItself_Is403()
    {
        var commune = await app.NewCommune();
        await procedure.At(commune, "recognised");
        var response = await (await app.As(commune.Officer)).PostAsJsonAsync("/api/dossiers",
            new { unitCode = commune.Code, level = "ntm", year = 2025, workflow = Workflow });
        await ProblemAssert.Is(HttpStatusCode.Forbidden, response);
    }

    [Fact]
    public async Task DistrictRevocation_StartedByTheProvince_DecidedCentrally()
    {
        var district = await app.NewDistrict();
        await procedure.At(district, "recognised", Procedure.DistrictPath);
        var appraiser = await app.As(Procedure.Appraiser);
        var dossier = await Procedure.Must(await appraiser.PostAsJsonAsync("/api/dossiers",
            new { unitCode = district.Code, level = "ntm", year = 2025, workflow = "district-ntm-revocation" }));
        for (var number = 1; number <= 9; number++)
        {
            await Procedure.Must(await appraiser.PutAsJsonAsync(
                $"/api/dossiers/{Procedure.Id(dossier)}/criteria/{number}", new { met = number is not (6 or 7 or 8) }));
        }
        dossier = await procedure.Get(Procedure.Appraiser, dossier);

        dossier = await procedure.MustAct(Procedure.Appraiser, dossier, "propose-revocation", new { comment = "3/9 tiêu chí không đạt" });
        dossier = await procedure.MustAct(Procedure.Appraiser, dossier, "submit-to-central", new { vote = Procedure.PassingVote });
        dossier = await procedure.MustAct(Procedure.Central, dossier, "submit-for-decision");
        dossier = await procedure.MustAct(Procedure.Central, dossier, "record-revocation",
            new { decision = new { number = "88/QĐ-TTg", date = Procedure.Today, signer = "Thủ tướng Chính phủ" } });
        Assert.Equal("revoked", dossier.GetProperty("status").GetString());
    }
}
