using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>
/// The OpenAPI document as a client generator reads it (CI also lints it and compiles a generated client; these catch
/// a regression in a dev run), and the reference page served beside it.
/// </summary>
public sealed partial class ApiDocumentTests(NtmApp app) : IClassFixture<NtmApp>
{
    private async Task<JsonElement> Document() => await app.Anonymous().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

    private static IEnumerable<(string Path, string Method, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (path.Name, op.Name, op.Value)));

    private static JsonElement Operation(JsonElement document, string path, string method) =>
        document.GetProperty("paths").GetProperty(path).GetProperty(method);

    private static string? JsonBodyReference(JsonElement operation) =>
        operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema")
            .GetProperty("$ref").GetString();

    [Fact]
    public async Task EveryRequestType_HasASchemaNamedAfterItsUseCase()
    {
        var document = await Document();
        var schemas = document.GetProperty("components").GetProperty("schemas").EnumerateObject().Select(s => s.Name).ToList();
        Assert.DoesNotContain("Body", schemas);
        Assert.DoesNotContain("Command", schemas);
        Assert.Equal("#/components/schemas/LoginBody", JsonBodyReference(Operation(document, "/api/auth/login", "post")));
        Assert.Equal("#/components/schemas/CreateDossierCommand", JsonBodyReference(Operation(document, "/api/dossiers", "post")));
        Assert.Equal("#/components/schemas/CreateUserCommand", JsonBodyReference(Operation(document, "/api/admin/users", "post")));
        Assert.Equal("#/components/schemas/PerformActionBody",
            JsonBodyReference(Operation(document, "/api/dossiers/{id}/actions/{action}", "post")));
    }

    [Fact]
    public async Task ProtectedOperations_NeedTheBearerScheme_AndPublicOnesSayNone()
    {
        var document = await Document();
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        foreach (var (path, method, operation) in Operations(document))
        {
            var requirement = Assert.Single(operation.GetProperty("security").EnumerateArray());
            var isPublic = path.StartsWith("/api/public/", StringComparison.Ordinal) || path.StartsWith("/api/auth/", StringComparison.Ordinal);
            Assert.True(isPublic == !requirement.TryGetProperty("Bearer", out _), $"{method} {path}: {requirement}");
        }
    }

    [Fact]
    public async Task EveryOperation_HasAUniqueOperationId_AndItsRefusalsAreProblemDetails()
    {
        var document = await Document();
        var operations = Operations(document).ToList();
        var ids = operations.Select(o => o.Operation.GetProperty("operationId").GetString()).ToList();
        Assert.All(ids, id => Assert.False(string.IsNullOrWhiteSpace(id)));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        foreach (var (path, method, operation) in operations)
        {
            foreach (var response in operation.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('4')))
            {
                Assert.Equal("#/components/schemas/ProblemDetails", response.Value.GetProperty("content")
                    .GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString());
            }
        }
        var create = Operation(document, "/api/dossiers", "post").GetProperty("responses");
        Assert.All(new[] { "400", "401", "403", "409", "415" }, status => Assert.True(create.TryGetProperty(status, out _), status));
        Assert.True(Operation(document, "/api/auth/login", "post").GetProperty("responses").TryGetProperty("429", out _));
        var problem = document.GetProperty("components").GetProperty("schemas").GetProperty("ProblemDetails").GetProperty("properties");
        Assert.All(new[] { "status", "title", "detail", "field", "errors", "blockingCriteria", "dossiers" },
            member => Assert.True(problem.TryGetProperty(member, out _), member));
    }

    [Fact]
    public async Task Upload_DescribesItsMultipartForm_AndSignInItsTokens()
    {
        var document = await Document();
        var form = Operation(document, "/api/dossiers/{id}/documents", "post").GetProperty("requestBody").GetProperty("content")
            .GetProperty("multipart/form-data").GetProperty("schema");
        Assert.Equal("binary", form.GetProperty("properties").GetProperty("file").GetProperty("format").GetString());
        Assert.Equal(["file", "type"], form.GetProperty("required").EnumerateArray().Select(r => r.GetString()).Order());
        foreach (var path in new[] { "/api/auth/login", "/api/auth/refresh" })
        {
            Assert.Equal("#/components/schemas/AccessTokenResponse", Operation(document, path, "post").GetProperty("responses")
                .GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        }
    }

    [Fact]
    public async Task Integers_AreIntegers()
    {
        var document = await Document();
        // The pattern System.Text.Json's schema gives a number that may also come as a string.
        Assert.DoesNotContain("(?:0|[1-9]", document.GetRawText());
        var year = document.GetProperty("components").GetProperty("schemas").GetProperty("CreateDossierCommand")
            .GetProperty("properties").GetProperty("year").GetProperty("type");
        Assert.Equal(["integer", "null"], year.EnumerateArray().Select(t => t.GetString()).Order());
    }

    [Fact]
    public async Task AQuotedNumber_IsRefusedAsTheDocumentSays()
    {
        var commune = await app.NewCommune();
        var client = await app.As(commune.Officer);
        var response = await client.PostAsJsonAsync("/api/dossiers", new { unitCode = commune.Code, level = "ntm", year = "2025" });
        await ProblemAssert.Is(HttpStatusCode.BadRequest, response);
    }

    [Fact]
    public async Task ReferencePage_IsServedByTheApp_WithNothingFromOutside()
    {
        var client = app.Anonymous();
        var response = await client.GetAsync("/api/docs/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("https://", html);
        Assert.DoesNotContain("http://", html);
        var nonce = Nonce().Match(html).Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains($"'nonce-{nonce}'", response.Headers.GetValues("Content-Security-Policy").Single());
        foreach (Match script in ScriptSource().Matches(html))
        {
            var asset = await client.GetAsync("/api/docs/" + script.Groups[1].Value);
            Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
            Assert.Contains("javascript", asset.Content.Headers.ContentType?.MediaType);
        }
        // Every other answer keeps the strict policy.
        var health = await client.GetAsync("/health");
        Assert.DoesNotContain("nonce-", health.Headers.GetValues("Content-Security-Policy").Single());
    }

    [GeneratedRegex("nonce=\"([^\"]+)\"")]
    private static partial Regex Nonce();

    [GeneratedRegex("<script[^>]* src=\"([^\"]+)\"")]
    private static partial Regex ScriptSource();
}
