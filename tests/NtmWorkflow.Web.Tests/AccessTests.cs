using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>Who may see and move what: role, unit scope, and the anonymous caller.</summary>
public sealed class AccessTests(NtmApp app) : IClassFixture<NtmApp>
{
    private readonly Procedure procedure = new(app);

    [Fact]
    public async Task OtherCommuneOfficer_CannotSeeOrMoveTheDossier()
    {
        var commune = await app.NewCommune();
        var other = await app.NewCommune();
        var dossier = await procedure.Create(commune);
        var client = await app.As(other.Officer);
        var problem = await ProblemAssert.Is(HttpStatusCode.Forbidden, await client.GetAsync($"/api/dossiers/{Procedure.Id(dossier)}"));
        Assert.Contains("phạm vi", problem.Detail());
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await client.GetAsync($"/api/dossiers/{Procedure.Id(dossier)}/timeline"));
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await procedure.Act(other.Officer, dossier, "open-public-comment"));
        var list = await client.GetFromJsonAsync<JsonElement>("/api/dossiers?pageSize=100");
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), d => d.GetProperty("id").GetString() == Procedure.Id(dossier));
    }

    [Fact]
    public async Task CommuneOfficer_CannotOpenADossierForAnotherCommune()
    {
        var commune = await app.NewCommune();
        var client = await app.As("xa.tapson");
        var response = await client.PostAsJsonAsync("/api/dossiers", new { unitCode = commune.Code, level = "ntm", year = 2025 });
        await ProblemAssert.Is(HttpStatusCode.Forbidden, response);
    }

    [Fact]
    public async Task DistrictReviewer_CannotOpenACommuneDossier()
    {
        var commune = await app.NewCommune();
        var client = await app.As(Procedure.District);
        var response = await client.PostAsJsonAsync("/api/dossiers", new { unitCode = commune.Code, level = "ntm", year = 2025 });
        Assert.Contains("cán bộ xã", (await ProblemAssert.Is(HttpStatusCode.Forbidden, response)).Detail());
    }

    [Theory]
    [InlineData("district-review", "approve", "commune")]
    [InlineData("district-review", "approve", Procedure.Appraiser)]
    [InlineData("provincial-appraisal", "send-to-council", Procedure.District)]
    [InlineData("appraisal-council", "recommend", Procedure.Leader)]
    [InlineData("decision", "sign-decision", Procedure.Appraiser)]
    [InlineData("announcement-ceremony", "hold-ceremony", "commune")]
    [InlineData("district-review", "withdraw", Procedure.District)]
    public async Task WrongRole_Is403AndChangesNothing(string stage, string action, string who)
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.At(commune, stage);
        var body = new { vote = Procedure.PassingVote, decision = Procedure.Decision, ceremony = Procedure.Ceremony, comment = "x" };
        var problem = await ProblemAssert.Is(HttpStatusCode.Forbidden,
            await procedure.Act(who == "commune" ? commune.Officer : who, dossier, action, body));
        Assert.StartsWith("Chỉ ", problem.Detail());
        var after = await procedure.Get(commune.Officer, dossier);
        Assert.Equal(dossier.GetProperty("version").GetInt32(), after.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task OtherDistrictReviewer_CannotReview()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.At(commune, "district-review");
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await procedure.Act("huyen.tracu", dossier, "approve"));
    }

    [Fact]
    public async Task OtherProvince_CannotSeeOrAppraise()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.At(commune, "provincial-appraisal");
        var client = await app.As("tinh.travinh.thamdinh");
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await client.GetAsync($"/api/dossiers/{Procedure.Id(dossier)}"));
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await procedure.Act("tinh.travinh.thamdinh", dossier, "send-to-council"));
        var atDecision = await procedure.At(await app.NewCommune(), "decision");
        await ProblemAssert.Is(HttpStatusCode.Forbidden,
            await procedure.Act("tinh.travinh.lanhdao", atDecision, "sign-decision", new { decision = Procedure.Decision }));
    }

    [Fact]
    public async Task CentralAppraiser_SeesEveryProvinceButHasNoCommuneAction()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.At(commune, "provincial-appraisal");
        var view = await procedure.Get("trunguong.thamdinh", dossier);
        Assert.Empty(view.GetProperty("allowedActions").EnumerateArray());
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await procedure.Act("trunguong.thamdinh", dossier, "send-to-council"));
    }

    [Fact]
    public async Task Anonymous_Gets401OnEveryOfficialEndpoint()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.Create(commune);
        var anonymous = app.Anonymous();
        var id = Procedure.Id(dossier);
        await ProblemAssert.Is(HttpStatusCode.Unauthorized, await anonymous.GetAsync($"/api/dossiers/{id}"));
        await ProblemAssert.Is(HttpStatusCode.Unauthorized, await anonymous.GetAsync($"/api/dossiers/{id}/timeline"));
        await ProblemAssert.Is(HttpStatusCode.Unauthorized, await anonymous.GetAsync("/api/dossiers"));
        await ProblemAssert.Is(HttpStatusCode.Unauthorized, await anonymous.GetAsync("/api/tasks"));
        await ProblemAssert.Is(HttpStatusCode.Unauthorized,
            await anonymous.PostAsJsonAsync("/api/dossiers", new { unitCode = commune.Code, level = "ntm", year = 2025 }));
        await ProblemAssert.Is(HttpStatusCode.Unauthorized,
            await anonymous.PostAsJsonAsync($"/api/dossiers/{id}/actions/open-public-comment", new { expectedVersion = 1 }));
    }

    [Fact]
    public async Task ForgedBearerToken_Is401()
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "gia-mao");
        await ProblemAssert.Is(HttpStatusCode.Unauthorized, await client.GetAsync("/api/tasks"));
    }
}
