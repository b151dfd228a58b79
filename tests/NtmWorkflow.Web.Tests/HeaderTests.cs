using System.Net;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>Every answer carries the standard security headers; downloads cannot be opened as something they are not.</summary>
public sealed class HeaderTests(NtmApp app) : IClassFixture<NtmApp>
{
    private readonly Procedure procedure = new(app);

    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/Public/Decisions")]
    [InlineData("/Public/Comments")]
    [InlineData("/Dossiers")]
    [InlineData("/khong-co-trang-nay")]
    [InlineData("/api/dossiers")]
    [InlineData("/api/public/decisions")]
    [InlineData("/health")]
    [InlineData("/openapi/v1.json")]
    public async Task EveryAnswer_CarriesTheSecurityHeaders_AndNoServerName(string path)
    {
        var response = await new PageSession(app).Get(path);

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        var policy = Header(response, "Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Contains("script-src 'self'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.False(response.Headers.Contains("Server"));
    }

    [Theory]
    [InlineData("/Account/Login", null)]
    [InlineData("/Public/Decisions", null)]
    [InlineData("/Public/Comments", null)]
    [InlineData("/Dossiers", "xa.tanhoi")]
    [InlineData("/Dossiers/Create", "xa.tanhoi")]
    [InlineData("/Notifications", "xa.tanhoi")]
    [InlineData("/Admin/Users", "admin")]
    [InlineData("/Admin/Units", "admin")]
    public async Task NoPage_CarriesInlineStyleOrScript_WhichThePolicyWouldRefuse(string path, string? userName)
    {
        var session = new PageSession(app);
        if (userName is not null)
        {
            await session.SignIn(userName);
        }

        var html = await session.Html(path);

        Assert.DoesNotContain(" style=", html);
        Assert.DoesNotMatch("<script(?![^>]*src=)", html);
        Assert.DoesNotMatch(" on[a-z]+=\"", html);
    }

    [Fact]
    public async Task WhileTheDocumentStoreIsAway_DownloadsAnswer503_ThenRecover()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.Create(commune, qualify: false);
        var bytes = Procedure.Pdf(300);
        var id = (await Procedure.Must(await procedure.Upload(commune.Officer, dossier, "anh-minh-hoa", "a.pdf", bytes))).GetProperty("id").GetString();
        var officer = await app.As(commune.Officer);

        Directory.Move(app.StorageRoot, app.StorageRoot + ".away");
        HttpResponseMessage away;
        try
        {
            away = await officer.GetAsync($"/api/documents/{id}/content");
        }
        finally
        {
            Directory.Move(app.StorageRoot + ".away", app.StorageRoot);
        }

        await ProblemAssert.Is(HttpStatusCode.ServiceUnavailable, away);
        Assert.True(away.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(bytes, await (await officer.GetAsync($"/api/documents/{id}/content")).Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task APdfNamedHtml_DownloadsUnderAPdfName_OnEveryRoute()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.Create(commune);
        var bytes = Procedure.Pdf(300);
        var document = await Procedure.Must(await procedure.Upload(commune.Officer, dossier, "anh-minh-hoa", "evil.html", bytes));
        Assert.Equal("evil.html.pdf", document.GetProperty("fileName").GetString());
        var id = document.GetProperty("id").GetString();

        var api = await (await app.As(commune.Officer)).GetAsync($"/api/documents/{id}/content");
        var session = new PageSession(app);
        await session.SignIn(commune.Officer);
        var page = await session.Get($"/documents/{id}");

        foreach (var response in new[] { api, page })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            Assert.EndsWith(".pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        }
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(",", values)
            : "";
}
