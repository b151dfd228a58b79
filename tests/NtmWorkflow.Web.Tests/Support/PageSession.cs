using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace NtmWorkflow.Web.Tests.Support;

/// <summary>A browser-like session on the pages: cookies kept, redirects not followed, antiforgery tokens read from forms.</summary>
public sealed partial class PageSession(NtmApp app, string? address = null)
{
    private readonly HttpClient client = WithAddress(
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }), address);

    /// <summary>The signed-in client, for a form this helper does not build (a field sent several times).</summary>
    public HttpClient Client => client;

    public async Task<HttpResponseMessage> SignIn(string userName, string password = NtmApp.Password, string? returnUrl = null)
    {
        var path = "/Account/Login" + (returnUrl is null ? "" : "?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        return await Post(path, new() { ["Input.UserName"] = userName, ["Input.Password"] = password, ["ReturnUrl"] = returnUrl ?? "" });
    }

    /// <summary>A session already signed in as the user.</summary>
    public static async Task<PageSession> SignedIn(NtmApp app, string userName)
    {
        var session = new PageSession(app);
        await session.SignIn(userName);
        return session;
    }

    public Task<HttpResponseMessage> Get(string path) => client.GetAsync(path);

    public async Task<string> Html(string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Posts a form to the page at <paramref name="path"/>, with the antiforgery token the page's form carries.</summary>
    public async Task<HttpResponseMessage> Post(
        string path, Dictionary<string, string> fields, string? tokenFrom = null, bool withToken = true, string? token = null)
    {
        if (withToken)
        {
            fields["__RequestVerificationToken"] = token ?? await Token(tokenFrom ?? path.Split('?')[0]);
        }
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    /// <summary>The antiforgery token of the forms on a page, as a browser holding that page would send it.</summary>
    public async Task<string> Token(string path)
    {
        var html = await (await client.GetAsync(path)).Content.ReadAsStringAsync();
        return TokenPattern().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException($"No antiforgery token on {path}.");
    }

    private static HttpClient WithAddress(HttpClient client, string? address) =>
        address is null ? client : TestClientAddress.From(client, address);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
