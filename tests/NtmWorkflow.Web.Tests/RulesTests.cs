using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>The rules that must hold, and bad input that must change nothing.</summary>
public sealed class RulesTests(NtmApp app) : IClassFixture<NtmApp>
{
    private readonly Procedure procedure = new(app);

    [Theory]
    [InlineData(20, 20, 17)]
    [InlineData(10, 9, 8)]
    [InlineData(10, 6, 0)]
    public async Task CouncilVote_BelowNinetyPercentOfPresent_CannotRecommend(int members, int present, int agree)
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.At(commune, "appraisal-council");
        var problem = await ProblemAssert.Is(HttpStatusCode.Conflict,
            await procedure.Act(Procedure.Appraiser, dossier, "recommend", new { vote = new { members, present, agree } }));
        Assert.Contains("90%", problem.Detail());
        await AssertUnchanged(dossier);
    }

    [Fact]
    public async Task CouncilVote_ExactlyNinetyPercent_Recommends()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.At(commune, "appraisal-council");
        dossier = await procedure.MustAct(Procedure.Appraiser, dossier, "recommend", new { vote = new { members = 12, present = 10, agree = 9 } });
        Assert.Equal("decision", dossier.GetProperty("stage").GetString());
    }

    [Theory]
    [InlineData("{\"decision\":{\"date\":\"2026-03-20\",\"signer\":\"Chủ tịch\"}}", "decision.number")]
    [InlineData("{\"decision\":{\"number\":\"1/QĐ\",\"signer\":\"Chủ tịch\"}}", "decision.date")]
    [InlineData("{\"decision\":{\"number\":\"1/QĐ\",\"date\":\"2026-03-20\"}}", "decision.signer")]
    [InlineData("{}", "decision")]
    public async Task Decision_WithoutNumberDateAndSigner_Is400NamingTheField(string body, string field)
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.At(commune, "decision");
        var problem = await ProblemAssert.Is(HttpStatusCode.BadRequest,
            await procedure.Act(Procedure.Leader, dossier, "sign-decision", JsonSerializer.Deserialize<JsonElement>(body)));
        Assert.True(problem.Names(field), problem.ToString());
        await AssertUnchanged(dossier);
    }

    [Fact]
    public async Task Ceremony_WithoutPlace_Is400()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.At(commune, "announcement-ceremony");
        var problem = await ProblemAssert.Is(HttpStatusCode.BadRequest,
            await procedure.Act(Procedure.District, dossier, "hold-ceremony", new { ceremony = new { date = "2026-04-10" } }));
        Assert.True(problem.Names("ceremony.place"));
    }

    [Fact]
    public async Task StaleExpectedVersion_Is409AndChangesNothing()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.At(commune, "district-review");
        var client = await app.As(Procedure.District);
        var response = await client.PostAsJsonAsync($"/api/dossiers/{Procedure.Id(dossier)}/actions/approve",
            new { expectedVersion = dossier.GetProperty("version").GetInt32() - 1 });
        var problem = await ProblemAssert.Is(HttpStatusCode.Conflict, response);
        Assert.Contains("phiên bản", problem.Detail());
        await AssertUnchanged(dossier);
    }

    [Fact]
    public async Task MissingExpectedVersion_Is400NamingIt()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.At(commune, "district-review");
        var client = await app.As(Procedure.District);
        var response = await client.PostAsJsonAsync($"/api/dossiers/{Procedure.Id(dossier)}/actions/approve", new { });
        Assert.True((await ProblemAssert.Is(HttpStatusCode.BadRequest, response)).Names("expectedVersion"));
    }

    [Fact]
    public async Task TwoSimultaneousApprovals_ExactlyOneWins_TheOtherGets409()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.ProvideDocuments(Procedure.District, await procedure.At(commune, "district-review"), "approve");
        var body = new { expectedVersion = dossier.GetProperty("version").GetInt32() };
        var url = $"/api/dossiers/{Procedure.Id(dossier)}/actions/approve";
        var clients = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => app.As(Procedure.District)));

        var responses = await Task.WhenAll(clients.Select(c => c.PostAsJsonAsync(url, body)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
        var timeline = (await procedure.Timeline(Procedure.District, dossier)).EnumerateArray();
        Assert.Single(timeline, e => e.GetProperty("action").GetString() == "approve");
    }

    [Fact]
    public async Task ManySimultaneousActions_OnOneDossier_NeverLoseAnUpdate()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.At(commune, "district-review");
        var body = new { expectedVersion = dossier.GetProperty("version").GetInt32(), comment = "Bổ sung" };
        var url = $"/api/dossiers/{Procedure.Id(dossier)}/actions/";
        var district = await app.As(Procedure.District);
        var officer = await app.As(commune.Officer);

        var responses = await Task.WhenAll(
            district.PostAsJsonAsync(url + "approve", body),
            district.PostAsJsonAsync(url + "request-supplement", body),
            district.PostAsJsonAsync(url + "reject", body),
            officer.PostAsJsonAsync(url + "withdraw", body));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var after = await procedure.Get(Procedure.District, dossier);
        Assert.Equal(dossier.GetProperty("version").GetInt32() + 1, after.GetProperty("version").GetInt32());
        string[] contested = ["approve", "request-supplement", "reject", "withdraw"];
        Assert.Single((await procedure.Timeline(Procedure.District, dossier)).EnumerateArray(),
            e => contested.Contains(e.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task UnknownUnitCode_Is400NamingIt()
    {
        var client = await app.As("xa.tanhoi");
        var response = await client.PostAsJsonAsync("/api/dossiers", new { unitCode = "khong-ton-tai", level = "ntm", year = 2025 });
        var problem = await ProblemAssert.Is(HttpStatusCode.BadRequest, response);
        Assert.True(problem.Names("unitCode"));
        Assert.Contains("khong-ton-tai", problem.Detail());
    }

    [Theory]
    [InlineData("{\"unitCode\":\"dong-thap.hong-ngu.tan-hoi\",\"level\":\"ntm-xuat-sac\",\"year\":2025}", "level")]
    [InlineData("{\"unitCode\":\"dong-thap.hong-ngu.tan-hoi\",\"year\":2025}", "level")]
    [InlineData("{\"unitCode\":\"dong-thap.hong-ngu.tan-hoi\",\"level\":\"ntm\",\"year\":1990}", "year")]
    [InlineData("{\"level\":\"ntm\",\"year\":2025}", "unitCode")]
    [InlineData("{\"unitCode\":\"dong-thap.hong-ngu.tan-hoi\",\"level\":\"ntm\",\"year\":2025,\"workflow\":\"khong-co\"}", "workflow")]
    public async Task CreateWithBadFields_Is400NamingTheField(string body, string field)
    {
        var client = await app.As("xa.tanhoi");
        var response = await client.PostAsync("/api/dossiers", new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await ProblemAssert.Is(HttpStatusCode.BadRequest, response);
        Assert.True(problem.Names(field), problem.ToString());
    }

    [Theory]
    [InlineData("ntm-nang-cao", "nông thôn mới nâng cao")]
    [InlineData("ntm-kieu-mau", "kiểu mẫu")]
    public async Task HigherLevel_BeforeThePrerequisiteRecognition_Is409SayingWhy(string level, string expected)
    {
        var commune = await app.NewCommune();
        var client = await app.As(commune.Officer);
        var response = await client.PostAsJsonAsync("/api/dossiers", new { unitCode = commune.Code, level, year = 2025 });
        var problem = await ProblemAssert.Is(HttpStatusCode.Conflict, response);
        Assert.Contains(expected, problem.Detail());
        Assert.Contains("chưa được công nhận", problem.Detail());
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/dossiers?unitCode={commune.Code}");
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task SecondOpenDossier_ForTheSameCommuneAndLevel_Is409()
    {
        var commune = await app.NewCommune();
        await procedure.Create(commune);
        var client = await app.As(commune.Officer);
        var response = await client.PostAsJsonAsync("/api/dossiers", new { unitCode = commune.Code, level = "ntm", year = 2025 });
        Assert.Contains("chưa kết thúc", (await ProblemAssert.Is(HttpStatusCode.Conflict, response)).Detail());
    }

    [Theory]
    [InlineData("{\"expectedVersion\": 1,")]
    [InlineData("not json")]
    [InlineData("{\"expectedVersion\": \"một\"}")]
    [InlineData("{\"expectedVersion\": 1, \"decision\": {\"date\": \"20/03/2026\"}}")]
    public async Task MalformedJson_Is400AndChangesNothing(string body)
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.At(commune, "district-review");
        var client = await app.As(Procedure.District);
        var response = await client.PostAsync($"/api/dossiers/{Procedure.Id(dossier)}/actions/approve",
            new StringContent(body, Encoding.UTF8, "application/json"));
        await ProblemAssert.Is(HttpStatusCode.BadRequest, response);
        await AssertUnchanged(dossier);
    }

    [Fact]
    public async Task WrongContentType_Is415()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.At(commune, "district-review");
        var client = await app.As(Procedure.District);
        var response = await client.PostAsync($"/api/dossiers/{Procedure.Id(dossier)}/actions/approve",
            new StringContent("expectedVersion=2", Encoding.UTF8, "text/plain"));
        await ProblemAssert.Is(HttpStatusCode.UnsupportedMediaType, response);
        await AssertUnchanged(dossier);
    }

    [Fact]
    public async Task CommentOver4000Characters_Is400AndChangesNothing()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.At(commune, "district-review");
        var problem = await ProblemAssert.Is(HttpStatusCode.BadRequest,
            await procedure.Act(Procedure.District, dossier, "reject", new { comment = new string('x', 4001) }));
        Assert.True(problem.Names("comment"));
        await AssertUnchanged(dossier);
    }

    [Fact]
    public async Task CommentOfExactly4000Characters_IsAccepted()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.At(commune, "district-review");
        dossier = await procedure.MustAct(Procedure.District, dossier, "reject", new { comment = new string('ễ', 4000) });
        Assert.Equal("rejected", dossier.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData(10, 9, 10)]
    [InlineData(10, 11, 10)]
    [InlineData(0, 0, 0)]
    [InlineData(10, -1, 0)]
    public async Task IncoherentVote_Is400AndChangesNothing(int members, int present, int agree)
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.At(commune, "commune-public-comment");
        var problem = await ProblemAssert.Is(HttpStatusCode.BadRequest,
            await procedure.Act(commune.Officer, dossier, "submit-to-district", new { vote = new { members, present, agree } }));
        Assert.True(problem.Names("vote"));
        await AssertUnchanged(dossier);
    }

    [Fact]
    public async Task UnknownDossier_Is404()
    {
        var client = await app.As(Procedure.District);
        await ProblemAssert.Is(HttpStatusCode.NotFound, await client.GetAsync($"/api/dossiers/{Guid.NewGuid()}"));
        await ProblemAssert.Is(HttpStatusCode.NotFound, await client.GetAsync($"/api/dossiers/{Guid.NewGuid()}/timeline"));
        await ProblemAssert.Is(HttpStatusCode.NotFound,
            await client.PostAsJsonAsync($"/api/dossiers/{Guid.NewGuid()}/actions/approve", new { expectedVersion = 1 }));
    }

    [Fact]
    public async Task UnknownAction_Is409NamingTheStage()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.At(commune, "district-review");
        var problem = await ProblemAssert.Is(HttpStatusCode.Conflict, await procedure.Act(Procedure.District, dossier, "sign-decision"));
        Assert.Contains("Thẩm tra cấp huyện", problem.Detail());
    }

    private async Task AssertUnchanged(JsonElement before)
    {
        var after = await procedure.Get(Procedure.Appraiser, before);
        Assert.Equal(before.GetProperty("version").GetInt32(), after.GetProperty("version").GetInt32());
        Assert.Equal(before.GetProperty("stage").GetString(), after.GetProperty("stage").GetString());
        var last = (await procedure.Timeline(Procedure.Appraiser, before)).EnumerateArray().Last();
        Assert.Equal(before.GetProperty("version").GetInt32(), last.GetProperty("sequence").GetInt32());
    }
}
