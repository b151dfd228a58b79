using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>Self-assessment per criterion, the recognition conditions, and the gates they open or close.</summary>
public sealed class CriteriaTests(NtmApp app) : IClassFixture<NtmApp>
{
    private readonly Procedure procedure = new(app);

    [Fact]
    public async Task NewDossier_PinsItsCriteriaSet_AndShowsNothingMetYet()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.Create(commune, qualify: false);
        var progress = dossier.GetProperty("criteria");
        Assert.Equal("commune-ntm-2021", progress.GetProperty("setId").GetString());
        Assert.Equal(0, progress.GetProperty("met").GetInt32());
        Assert.Equal(19, progress.GetProperty("total").GetInt32());
        Assert.Equal(19, progress.GetProperty("notMet").GetArrayLength());

        var criteria = await (await app.As(commune.Officer)).GetFromJsonAsync<JsonElement>($"/api/dossiers/{Procedure.Id(dossier)}/criteria");
        Assert.Equal("dong-bang-song-cuu-long", criteria.GetProperty("region").GetString());
        Assert.Equal("region", criteria.GetProperty("criteriaSet").GetProperty("thresholdsBy").GetString());
        var schools = criteria.GetProperty("criteria")[4];
        Assert.Equal("Trường học", schools.GetProperty("name").GetString());
        Assert.Equal(80, schools.GetProperty("indicators")[0].GetProperty("threshold").GetDecimal());
        Assert.Equal(3, criteria.GetProperty("conditions").GetProperty("failing").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, criteria.GetProperty("communeGroup").ValueKind);
        Assert.False(criteria.GetProperty("criteriaSet").GetProperty("provisional").GetBoolean());
        Assert.False(schools.GetProperty("indicators")[0].GetProperty("provisional").GetBoolean());
        Assert.Equal(JsonValueKind.Null, schools.GetProperty("indicators")[0].GetProperty("standard").ValueKind);
        Assert.Equal("17.9", criteria.GetProperty("criteria")[16].GetProperty("indicators")[3].GetProperty("code").GetString());
    }

    [Fact]
    public async Task SelfAssessment_IsRecordedWithValues_AndCountedInTheListsToo()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.Create(commune, qualify: false);
        var client = await app.As(commune.Officer);
        var url = $"/api/dossiers/{Procedure.Id(dossier)}/criteria/2";

        var view = await Procedure.Must(await client.PutAsJsonAsync(url, new
        {
            met = true,
            explanation = "Đã bê tông hóa toàn bộ đường xã",
            values = new Dictionary<string, object> { ["2.1"] = 100, ["2.2"] = 85.5 },
        }));

        var transport = view.GetProperty("criteria")[1];
        Assert.True(transport.GetProperty("met").GetBoolean());
        Assert.Equal("Đã bê tông hóa toàn bộ đường xã", transport.GetProperty("selfAssessment").GetProperty("explanation").GetString());
        Assert.Equal(85.5m, transport.GetProperty("indicators")[1].GetProperty("value").GetProperty("number").GetDecimal());
        Assert.True(transport.GetProperty("indicators")[1].GetProperty("meetsThreshold").GetBoolean());
        Assert.Equal(1, view.GetProperty("met").GetInt32());
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/dossiers?unitCode={commune.Code}");
        Assert.Equal(1, list.GetProperty("items")[0].GetProperty("criteriaMet").GetInt32());
        Assert.Equal(19, list.GetProperty("items")[0].GetProperty("criteriaTotal").GetInt32());
    }

    [Fact]
    public async Task SelfAssessment_KeepsEveryEarlierVersionInTheHistory()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.Create(commune, qualify: false);
        var client = await app.As(commune.Officer);
        var url = $"/api/dossiers/{Procedure.Id(dossier)}/criteria/13";
        await Procedure.Must(await client.PutAsJsonAsync(url, new { met = false, explanation = "Chưa có hợp tác xã" }));
        var view = await Procedure.Must(await client.PutAsJsonAsync(url, new { met = true, explanation = "Đã thành lập HTX" }));

        var history = view.GetProperty("criteria")[12].GetProperty("history");
        Assert.Equal(2, history.GetArrayLength());
        Assert.False(history[0].GetProperty("met").GetBoolean());
        Assert.Equal("Chưa có hợp tác xã", history[0].GetProperty("explanation").GetString());
        Assert.Equal(commune.Officer, history[1].GetProperty("by").GetString());
    }

    [Fact]
    public async Task AValueBelowTheThreshold_MakesADeclaredMetCriterionNotMet()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.Create(commune);
        var client = await app.As(commune.Officer);
        var view = await Procedure.Must(await client.PutAsJsonAsync($"/api/dossiers/{Procedure.Id(dossier)}/criteria/5",
            new { met = true, values = new Dictionary<string, object> { ["5.1"] = 60 } }));

        Assert.False(view.GetProperty("criteria")[4].GetProperty("met").GetBoolean());
        Assert.False(view.GetProperty("criteria")[4].GetProperty("indicators")[0].GetProperty("meetsThreshold").GetBoolean());
        Assert.Equal(5, view.GetProperty("notMet")[0].GetProperty("number").GetInt32());
    }

    public static TheoryData<int> EveryCriterion() => new(Enumerable.Range(1, 19));

    [Theory]
    [MemberData(nameof(EveryCriterion))]
    public async Task OpeningPublicComment_WithOneCriterionNotMet_Is409NamingIt(int number)
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.Create(commune);
        await Procedure.Must(await (await app.As(commune.Officer)).PutAsJsonAsync(
            $"/api/dossiers/{Procedure.Id(dossier)}/criteria/{number}", new { met = false }));
        dossier = await procedure.Get(commune.Officer, dossier);

        var problem = await ProblemAssert.Is(HttpStatusCode.Conflict, await procedure.Act(commune.Officer, dossier, "open-public-comment"));

        var blocking = Assert.Single(problem.GetProperty("blockingCriteria").EnumerateArray());
        Assert.Equal(number, blocking.GetProperty("number").GetInt32());
        Assert.Contains($"{number}. {blocking.GetProperty("name").GetString()}", problem.Detail());
        Assert.Equal("self-assessment", (await procedure.Get(commune.Officer, dossier)).GetProperty("stage").GetString());
    }

    [Fact]
    public async Task OpeningPublicComment_WithNothingAssessed_ListsAllNineteen()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.Create(commune, qualify: false);
        var problem = await ProblemAssert.Is(HttpStatusCode.Conflict, await procedure.Act(commune.Officer, dossier, "open-public-comment"));
        Assert.Equal(19, problem.GetProperty("blockingCriteria").GetArrayLength());
        Assert.Contains("hài lòng", problem.Detail());
    }

    [Theory]
    [InlineData("satisfactionPercent", 89.5, "hài lòng")]
    [InlineData("constructionDebtVnd", 250000000, "nợ đọng")]
    [InlineData("securityStable", false, "an ninh")]
    public async Task EachFailingCondition_BlocksPublicCommentAndSubmission(string field, object value, string mentions)
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.Create(commune);
        var conditions = JsonSerializer.SerializeToNode(Procedure.PassingConditions)!.AsObject();
        conditions[field] = JsonSerializer.SerializeToNode(value);
        var client = await app.As(commune.Officer);
        await Procedure.Must(await client.PutAsJsonAsync($"/api/dossiers/{Procedure.Id(dossier)}/conditions", conditions));
        dossier = await procedure.Get(commune.Officer, dossier);

        var problem = await ProblemAssert.Is(HttpStatusCode.Conflict, await procedure.Act(commune.Officer, dossier, "open-public-comment"));

        Assert.Contains(mentions, problem.Detail());
        Assert.False(problem.TryGetProperty("blockingCriteria", out _));
    }

    [Fact]
    public async Task SubmittingToTheDistrict_AfterACriterionWasReopened_IsRefused()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.At(commune, "commune-public-comment");
        dossier = await procedure.MustAct(commune.Officer, dossier, "reopen-self-assessment", new { comment = "Góp ý về tiêu chí 17" });
        await Procedure.Must(await (await app.As(commune.Officer)).PutAsJsonAsync(
            $"/api/dossiers/{Procedure.Id(dossier)}/criteria/17", new { met = false }));
        dossier = await procedure.Get(commune.Officer, dossier);
        var problem = await ProblemAssert.Is(HttpStatusCode.Conflict, await procedure.Act(commune.Officer, dossier, "open-public-comment"));
        var blocking = Assert.Single(problem.GetProperty("blockingCriteria").EnumerateArray());
        Assert.Equal(17, blocking.GetProperty("number").GetInt32());
        Assert.Contains("17", problem.Detail());
    }

    [Fact]
    public async Task SelfAssessment_OutsideTheEditableStages_Is409()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.At(commune, "district-review");
        var client = await app.As(commune.Officer);
        var problem = await ProblemAssert.Is(HttpStatusCode.Conflict,
            await client.PutAsJsonAsync($"/api/dossiers/{Procedure.Id(dossier)}/criteria/1", new { met = false }));
        Assert.Contains("Tự đánh giá", problem.Detail());
        await ProblemAssert.Is(HttpStatusCode.Conflict,
            await client.PutAsJsonAsync($"/api/dossiers/{Procedure.Id(dossier)}/conditions", Procedure.PassingConditions));
    }

    [Fact]
    public async Task SelfAssessment_DuringASupplementRound_IsAllowed()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.At(commune, "district-review");
        dossier = await procedure.MustAct(Procedure.District, dossier, "request-supplement", new { comment = "Tiêu chí 12 thiếu số liệu" });
        var view = await Procedure.Must(await (await app.As(commune.Officer)).PutAsJsonAsync(
            $"/api/dossiers/{Procedure.Id(dossier)}/criteria/12", new { met = true, explanation = "Bổ sung số liệu lao động" }));
        Assert.Equal("commune-supplement", view.GetProperty("criteria")[11].GetProperty("selfAssessment").GetProperty("stage").GetString());
    }

    [Theory]
    [InlineData(Procedure.District)]
    [InlineData("xa.tapson")]
    public async Task SelfAssessment_ByAnotherRoleOrUnit_Is403(string who)
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.Create(commune, qualify: false);
        var client = await app.As(who);
        await ProblemAssert.Is(HttpStatusCode.Forbidden,
            await client.PutAsJsonAsync($"/api/dossiers/{Procedure.Id(dossier)}/criteria/1", new { met = true }));
        await ProblemAssert.Is(HttpStatusCode.Forbidden,
            await client.PutAsJsonAsync($"/api/dossiers/{Procedure.Id(dossier)}/conditions", Procedure.PassingConditions));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(20)]
    public async Task UnknownCriterionNumber_Is404(int number)
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.Create(commune, qualify: false);
        var response = await (await app.As(commune.Officer)).PutAsJsonAsync(
            $"/api/dossiers/{Procedure.Id(dossier)}/criteria/{number}", new { met = true });
        await ProblemAssert.Is(HttpStatusCode.NotFound, response);
    }

    [Theory]
    [InlineData("{\"met\":true,\"values\":{\"2.1\":true}}", "values.2.1")]
    [InlineData("{\"met\":true,\"values\":{\"2.1\":\"nhiều\"}}", "values.2.1")]
    [InlineData("{\"met\":true,\"values\":{\"2.1\":140}}", "values.2.1")]
    [InlineData("{\"met\":true,\"values\":{\"9.9\":1}}", "values.9.9")]
    [InlineData("{\"values\":{}}", "met")]
    public async Task SelfAssessment_WithAValueOfTheWrongType_Is400NamingItAndSavesNothing(string body, string field)
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.Create(commune, qualify: false);
        var client = await app.As(commune.Officer);
        var response = await client.PutAsync($"/api/dossiers/{Procedure.Id(dossier)}/criteria/2",
            new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await ProblemAssert.Is(HttpStatusCode.BadRequest, response);
        Assert.True(problem.Names(field), problem.ToString());
        var after = await procedure.Get(commune.Officer, dossier);
        Assert.Equal(dossier.GetProperty("version").GetInt32(), after.GetProperty("version").GetInt32());
    }

    [Theory]
    [InlineData("{\"satisfactionPercent\":150}", "satisfactionPercent")]
    [InlineData("{\"satisfactionPercent\":-1}", "satisfactionPercent")]
    [InlineData("{\"constructionDebtVnd\":-5}", "constructionDebtVnd")]
    [InlineData("{\"smartHamlets\":-1}", "smartHamlets")]
    public async Task Conditions_OutOfRange_Are400NamingTheField(string body, string field)
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.Create(commune, qualify: false);
        var response = await (await app.As(commune.Officer)).PutAsync($"/api/dossiers/{Procedure.Id(dossier)}/conditions",
            new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.True((await ProblemAssert.Is(HttpStatusCode.BadRequest, response)).Names(field));
    }

    [Fact]
    public async Task ModelCommune_NeedsItsExtraConditions()
    {
        var commune = await app.NewCommune();
        await procedure.At(commune, "recognised");
        var advanced = await procedure.Create(commune, level: "ntm-nang-cao");
        await procedure.At(commune, "recognised", existing: advanced);
        var model = await procedure.Create(commune, level: "ntm-kieu-mau", qualify: false);
        Assert.Equal("commune-ntm-kieu-mau-2021", model.GetProperty("criteria").GetProperty("setId").GetString());
        var client = await app.As(commune.Officer);
        for (var number = 1; number <= 19; number++)
        {
            await Procedure.Must(await client.PutAsJsonAsync($"/api/dossiers/{Procedure.Id(model)}/criteria/{number}", new { met = true }));
        }
        var conditions = JsonSerializer.SerializeToNode(Procedure.PassingConditions)!.AsObject();
        conditions["smartHamlets"] = 0;
        await Procedure.Must(await client.PutAsJsonAsync($"/api/dossiers/{Procedure.Id(model)}/conditions", conditions));
        model = await procedure.Get(commune.Officer, model);

        var problem = await ProblemAssert.Is(HttpStatusCode.Conflict, await procedure.Act(commune.Officer, model, "open-public-comment"));
        Assert.Contains("thôn thông minh", problem.Detail());
    }
}
