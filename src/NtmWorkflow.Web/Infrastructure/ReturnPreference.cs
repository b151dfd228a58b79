using Microsoft.AspNetCore.Http.HttpResults;

namespace NtmWorkflow.Web.Infrastructure;

/// <summary>
/// RFC 7240's <c>Prefer: return=minimal</c> on a dossier write: the answer is 204 with the dossier's new version in
/// <see cref="VersionHeader"/> instead of the whole view, for a client that only needs the version of its next write
/// (the profile showed building, sending and parsing the view costing more than the write). Without the preference
/// the answer is the view, as before.
/// </summary>
public static class ReturnPreference
{
    public const string VersionHeader = "Dossier-Version";

    /// <summary>Marks an endpoint that honours the preference, for the API document.</summary>
    public sealed record Honoured;

    public static bool WantsMinimal(HttpRequest request) =>
        request.Headers["Prefer"].SelectMany(value => (value ?? "").Split([',', ';'], StringSplitOptions.TrimEntries))
            .Any(token => token.Equals("return=minimal", StringComparison.OrdinalIgnoreCase));

    public static Results<Ok<T>, NoContent> Answer<T>(HttpContext http, T view, int version) =>
        WantsMinimal(http.Request) ? Minimal(http, version) : Full(http, view);

    /// <summary>The whole view, the answer without the preference.</summary>
    public static Ok<T> Full<T>(HttpContext http, T view)
    {
        http.Response.Headers.Vary = "Prefer";
        return TypedResults.Ok(view);
    }

    /// <summary>The preference honoured: no body, the dossier's new version in a header.</summary>
    public static NoContent Minimal(HttpContext http, int version)
    {
        http.Response.Headers.Vary = "Prefer";
        http.Response.Headers["Preference-Applied"] = "return=minimal";
        http.Response.Headers[VersionHeader] = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.NoContent();
    }

    public static RouteHandlerBuilder HonoursReturnMinimal(this RouteHandlerBuilder endpoint) =>
        endpoint.WithMetadata(new Honoured());
}
