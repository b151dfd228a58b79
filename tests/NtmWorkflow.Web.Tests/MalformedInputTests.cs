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
    [InlineData("/api/auth/login")]
    [InlineData("/api/auth/refresh")]
    [InlineData("/api/dossiers")]
    public async Task AnUnknownCharset_Is415(string path)
    {
        var client = await app.As("xa.tanhoi");
        var content = new StringContent("{\"userName\":\"a\",\"password\":\"b\"}");
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json; charset=bogus");

        var problem = await ProblemAssert.Is(HttpStatusCode.UnsupportedMediaType, await client.PostAsync(path, content));

        Assert.Contains("UTF-8", problem.Detail());
    }

    [Fact]
    public async Task AKnownCharset_IsStillRead()
    {
        var content = new StringContent("{\"userName\":\"admin\",\"password\":\"" + NtmApp.Password + "\"}");
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");

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

    [Fact]
    public async Task APostToAnUnknownApiPath_Is404ProblemDetails()
    {
        await ProblemAssert.Is(HttpStatusCode.NotFound, await app.Anonymous().PostAsync("/api/khong-co", new StringContent("{}")));
    }
}
