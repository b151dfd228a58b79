using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace NtmWorkflow.Web.Tests.Support;

public static class ProblemAssert
{
    /// <summary>The response is a ProblemDetails with this status and a Vietnamese detail; returns it for more checks.</summary>
    public static async Task<JsonElement> Is(HttpStatusCode status, HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        return problem;
    }

    public static string Detail(this JsonElement problem) => problem.GetProperty("detail").GetString()!;

    /// <summary>The field a 400 names, either as "field" or as a key of "errors".</summary>
    public static bool Names(this JsonElement problem, string field) =>
        (problem.TryGetProperty("field", out var f) && f.GetString() == field)
        || (problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _));

    public static async Task<JsonElement> Json(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();
}
