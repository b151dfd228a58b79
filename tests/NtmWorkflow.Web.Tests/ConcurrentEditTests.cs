using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>
/// Edits of different criteria sent at the same moment are not conflicts: each is kept and each raises the dossier's
/// version, so an action sent with a version read before an edit is still refused.
/// </summary>
public sealed class ConcurrentEditTests(NtmApp app) : IClassFixture<NtmApp>
{
    private const int Edits = 8;

    private readonly Procedure procedure = new(app);

    [Fact]
    public async Task EightSelfAssessmentsAtOnce_AllSucceed_EachRaisingTheVersion()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.Create(commune, qualify: false);
        var client = await app.As(commune.Officer);

        var responses = await Task.WhenAll(Enumerable.Range(1, Edits).Select(number =>
            client.PutAsJsonAsync($"/api/dossiers/{Procedure.Id(dossier)}/criteria/{number}", new { met = true })));

        await AllSucceeded(responses);
        var criteria = await client.GetFromJsonAsync<JsonElement>($"/api/dossiers/{Procedure.Id(dossier)}/criteria");
        Assert.Equal(Edits, criteria.GetProperty("met").GetInt32());
        Assert.Equal(dossier.GetProperty("version").GetInt32() + Edits, criteria.GetProperty("dossierVersion").GetInt32());
        // The count kept on the dossier's row (what the lists show) saw every edit, not only the last one's reading.
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/dossiers?unitCode={commune.Code}");
        Assert.Equal(Edits, list.GetProperty("items")[0].GetProperty("criteriaMet").GetInt32());
    }

    [Fact]
    public async Task EightReviewsAtOnce_AllSucceed_EachRaisingTheVersion()
    {
        var dossier = await procedure.At(await app.NewCommune(), "district-review");
        var client = await app.As(Procedure.District);

        var responses = await Task.WhenAll(Enumerable.Range(1, Edits).Select(number =>
            client.PutAsJsonAsync($"/api/dossiers/{Procedure.Id(dossier)}/criteria/{number}/review", new { agree = true })));

        await AllSucceeded(responses);
        var criteria = await client.GetFromJsonAsync<JsonElement>($"/api/dossiers/{Procedure.Id(dossier)}/criteria");
        Assert.Equal(Edits, criteria.GetProperty("criteria").EnumerateArray().Count(c => c.GetProperty("reviews").GetArrayLength() == 1));
        Assert.Equal(dossier.GetProperty("version").GetInt32() + Edits, criteria.GetProperty("dossierVersion").GetInt32());
    }

    [Fact]
    public async Task ActionWithTheVersionReadBeforeASelfAssessmentEdit_Is409()
    {
        var commune = await app.NewCommune();
        var before = await procedure.ProvideDocuments(commune.Officer, await procedure.Create(commune), "open-public-comment");

        await Procedure.Must(await (await app.As(commune.Officer)).PutAsJsonAsync(
            $"/api/dossiers/{Procedure.Id(before)}/criteria/1", new { met = true, explanation = "Đã rà soát lại quy hoạch" }));

        await RefusedAsStale(commune.Officer, before, "open-public-comment");
    }

    [Fact]
    public async Task ActionWithTheVersionReadBeforeAReview_Is409()
    {
        var dossier = await procedure.At(await app.NewCommune(), "district-review");
        var before = await procedure.ProvideDocuments(Procedure.District, dossier, "approve");

        await Procedure.Must(await (await app.As(Procedure.District)).PutAsJsonAsync(
            $"/api/dossiers/{Procedure.Id(before)}/criteria/1/review", new { agree = true }));

        await RefusedAsStale(Procedure.District, before, "approve");
    }

    /// <summary>Refused for the version alone: the same action with the version read now goes through.</summary>
    private async Task RefusedAsStale(string userName, JsonElement before, string action)
    {
        var problem = await ProblemAssert.Is(HttpStatusCode.Conflict, await procedure.Act(userName, before, action));
        Assert.Contains("phiên bản", problem.Detail());
        await Procedure.Must(await procedure.Act(userName, await procedure.Get(userName, before), action));
    }

    private static async Task AllSucceeded(IEnumerable<HttpResponseMessage> responses)
    {
        var failures = new List<string>();
        foreach (var response in responses.Where(r => !r.IsSuccessStatusCode))
        {
            failures.Add($"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
