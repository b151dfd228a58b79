using System.Net;
using System.Net.Http.Headers;
using System.Text;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>Inputs that once gave 500: each is now a Vietnamese ProblemDetails, and nothing is stored.</summary>
public sealed class MalformedInputTests(NtmApp app) : IClassFixture<NtmApp>
{
    private readonly Procedure procedure = new(app);

    [Theory]
    [InlineData("/api/auth/login", "bogus")]
    [InlineData("/api/auth/refresh", "bogus")]
    [InlineData("/api/dossiers", "bogus")]
    [InlineData("/api/auth/login", "")]
    [InlineData("/api/auth/login", "\"\"")]
    public async Task AnUnknownOrEmptyCharset_Is415(string path, string charset)
    {
        var client = await app.As("xa.tanhoi");
        var content = new StringContent("{\"userName\":\"a\",\"password\":\"b\"}");
        WithCharset(content, charset);

        var problem = await ProblemAssert.Is(HttpStatusCode.UnsupportedMediaType, await client.PostAsync(path, content));

        Assert.Contains("UTF-8", problem.Detail());
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("\"utf-8\"")]
    [InlineData("UTF-8")]
    public async Task AKnownCharset_QuotedOrNot_IsStillRead(string charset)
    {
        var content = new StringContent("{\"userName\":\"admin\",\"password\":\"" + NtmApp.Password + "\"}");
        WithCharset(content, charset);

        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().PostAsync("/api/auth/login", content)).StatusCode);
    }

    public static TheoryData<string, string> BrokenMultipart => new()
    {
        { "truncated", "--b\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\nanh-minh-hoa\r\n--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.7 abc" },
        { "empty", "" },
        { "bare-newline-in-header", "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\r\nb.pdf\"\r\n\r\n%PDF-1.7 abc\r\n--b--\r\n" },
    };

    [Theory]
    [MemberData(nameof(BrokenMultipart))]
    public async Task ABrokenMultipartUpload_Is400_AndStoresNothing(string name, string body)
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.Create(commune, qualify: false);
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");
        var client = await app.As(commune.Officer);

        var response = await client.PostAsync($"/api/dossiers/{Procedure.Id(dossier)}/documents", content);

        var problem = await ProblemAssert.Is(HttpStatusCode.BadRequest, response);
        Assert.True(problem.Names("file"), name);
        var documents = await Procedure.Must(await client.GetAsync($"/api/dossiers/{Procedure.Id(dossier)}/documents"));
        Assert.Equal(0, documents.GetArrayLength());
    }

    [Theory]
    [InlineData("/khong-co")]
    [InlineData("/Dossiers/khong-co/them")]
    public async Task APostToAnUnknownPage_Is404(string path)
    {
        var response = await new PageSession(app).Post(path, [], withToken: false);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không tìm thấy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("0", HttpStatusCode.OK)]
    [InlineData("100", HttpStatusCode.OK)]
    [InlineData("204", HttpStatusCode.OK)]
    [InlineData("304", HttpStatusCode.OK)]
    [InlineData("1000", HttpStatusCode.OK)]
    [InlineData("404", HttpStatusCode.NotFound)]
    public async Task TheStatusPage_AnswersOnlyWithAnErrorStatus(string code, HttpStatusCode expected)
    {
        var response = await app.Anonymous().GetAsync($"/Status?code={code}");

        Assert.Equal(expected, response.StatusCode);
        Assert.Contains("<h1>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task APostToAnUnknownApiPath_Is404ProblemDetails()
    {
        await ProblemAssert.Is(HttpStatusCode.NotFound, await app.Anonymous().PostAsync("/api/khong-co", new StringContent("{}")));
    }

    /// <summary>The content type exactly as written, as a client that makes its own header would send it.</summary>
    private static void WithCharset(HttpContent content, string charset)
    {
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", $"application/json; charset={charset}");
    }
}
