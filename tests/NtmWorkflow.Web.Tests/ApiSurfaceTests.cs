using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

public sealed class ApiSurfaceTests(NtmApp app) : IClassFixture<NtmApp>
{
    [Fact]
    public async Task OpenApiDocument_ListsTheContractEndpoints()
    {
        var document = await app.Anonymous().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/auth/login", paths);
        Assert.Contains("/api/dossiers", paths);
        Assert.Contains("/api/dossiers/{id}", paths);
        Assert.Contains("/api/dossiers/{id}/actions/{action}", paths);
        Assert.Contains("/api/dossiers/{id}/timeline", paths);
        Assert.Contains("/api/tasks", paths);
        Assert.Contains("/api/public/decisions", paths);
    }

    [Fact]
    public async Task Health_IsHealthyWithTheDatabaseUp()
    {
        var response = await app.Anonymous().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnknownRoute_Is404ProblemDetails()
    {
        await ProblemAssert.Is(HttpStatusCode.NotFound, await app.Anonymous().GetAsync("/api/khong-co"));
    }
}
