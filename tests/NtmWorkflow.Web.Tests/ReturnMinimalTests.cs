using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>
/// A write (a move, a self-assessment, a verdict, the conditions) sent with <c>Prefer: return=minimal</c> answers 204 with the dossier's new version in a header; without it,
/// or with another preference, the answer is the whole view as before. The write itself is the same either way.
/// </summary>
public sealed class ReturnMinimalTests(NtmApp app) : IClassFixture<NtmApp>
{
    private readonly Procedure procedure = new(app);

    [Theory]
    [InlineData("return=minimal")]
    [InlineData("respond-async, RETURN=MINIMAL")]
    [InlineData("handling=lenient; return=minimal")]
    public async Task Move_WithReturnMinimal_Is204WithTheNewVersion_AndTheMoveIsMade(string prefer)
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.ProvideDocuments(commune.Officer, await procedure.Create(commune), "open-public-comment");

        using var request = Move(dossier, "open-public-comment", prefer);
        var response = await (await app.As(commune.Officer)).SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("return=minimal", Assert.Single(response.Headers.GetValues("Preference-Applied")));
        Assert.Contains("Prefer", response.Headers.Vary);
        var after = await procedure.Get(commune.Officer, dossier);
        Assert.Equal("commune-public-comment", after.GetProperty("stage").GetString());
        Assert.Equal(after.GetProperty("version").GetInt32(), int.Parse(Assert.Single(response.Headers.GetValues("Dossier-Version"))));
        Assert.True(after.GetProperty("version").GetInt32() > dossier.GetProperty("version").GetInt32());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("return=representation")]
    [InlineData("return=minimalist")]
    public async Task Move_WithoutReturnMinimal_AnswersTheView(string? prefer)
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.ProvideDocuments(commune.Officer, await procedure.Create(commune), "open-public-comment");

        using var request = Move(dossier, "open-public-comment", prefer);
        var response = await (await app.As(commune.Officer)).SendAsync(request);

        var view = await Procedure.Must(response);
        Assert.Equal("commune-public-comment", view.GetProperty("stage").GetString());
        Assert.False(response.Headers.Contains("Preference-Applied"));
        Assert.False(response.Headers.Contains("Dossier-Version"));
    }

    [Fact]
    public async Task RefusedMove_WithReturnMinimal_IsStillAProblem()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.Create(commune);

        using var request = Move(dossier, "approve", "return=minimal");
        var response = await (await app.As(commune.Officer)).SendAsync(request);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(response.Headers.Contains("Dossier-Version"));
    }

    [Fact]
    public async Task CriteriaWrites_WithReturnMinimal_Are204WithTheNewVersion_AndAreRecorded()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.Create(commune, qualify: false);
        var client = await app.As(commune.Officer);

        var assessed = await client.SendAsync(Minimal(HttpMethod.Put, $"/api/dossiers/{Procedure.Id(dossier)}/criteria/3",
            new { met = true, explanation = "Đã đạt theo báo cáo" }));
        var conditions = await client.SendAsync(Minimal(HttpMethod.Put, $"/api/dossiers/{Procedure.Id(dossier)}/conditions",
            Procedure.PassingConditions));

        var criteria = await procedure.Criteria(commune.Officer, dossier);
        Assert.Equal(HttpStatusCode.NoContent, assessed.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, conditions.StatusCode);
        Assert.Equal(dossier.GetProperty("version").GetInt32() + 1, Version(assessed));
        Assert.Equal(criteria.GetProperty("dossierVersion").GetInt32(), Version(conditions));
        var third = criteria.GetProperty("criteria").EnumerateArray().Single(c => c.GetProperty("number").GetInt32() == 3);
        Assert.Equal("Đã đạt theo báo cáo", third.GetProperty("selfAssessment").GetProperty("explanation").GetString());
    }

    [Fact]
    public async Task Review_WithReturnMinimal_Is204WithTheNewVersion_AndIsRecorded()
    {
        var dossier = await procedure.At(await app.NewCommune(), "district-review");
        var client = await app.As(Procedure.District);

        var response = await client.SendAsync(Minimal(HttpMethod.Put, $"/api/dossiers/{Procedure.Id(dossier)}/criteria/2/review",
            new { agree = false, note = "Chưa đủ minh chứng" }));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var criteria = await procedure.Criteria(Procedure.District, dossier);
        Assert.Equal(criteria.GetProperty("dossierVersion").GetInt32(), Version(response));
        Assert.Contains(criteria.GetProperty("disputed").EnumerateArray(), c => c.GetProperty("number").GetInt32() == 2);
    }

    [Fact]
    public async Task CriterionWrite_WithoutThePreference_StillAnswersTheCriteria()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.Create(commune, qualify: false);

        var response = await (await app.As(commune.Officer)).PutAsJsonAsync($"/api/dossiers/{Procedure.Id(dossier)}/criteria/1", new { met = true });

        var criteria = await Procedure.Must(response);
        Assert.Equal(1, criteria.GetProperty("met").GetInt32());
        Assert.False(response.Headers.Contains("Dossier-Version"));
    }

    private static int Version(HttpResponseMessage response) => int.Parse(Assert.Single(response.Headers.GetValues("Dossier-Version")));

    private static HttpRequestMessage Minimal(HttpMethod method, string path, object body)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Prefer", "return=minimal");
        return request;
    }

    private static HttpRequestMessage Move(JsonElement dossier, string action, string? prefer)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/dossiers/{Procedure.Id(dossier)}/actions/{action}")
        {
            Content = JsonContent.Create(new { expectedVersion = dossier.GetProperty("version").GetInt32() }),
        };
        if (prefer is not null)
        {
            request.Headers.TryAddWithoutValidation("Prefer", prefer);
        }
        return request;
    }
}
