using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>
/// A write sent with <c>Prefer: return=minimal</c> answers 204 with the dossier's new version in a header; without it,
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
