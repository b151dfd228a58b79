namespace NtmWorkflow.Web.Infrastructure;

/// <summary>
/// The headers every answer carries, error pages and downloads included (they are added as the headers go out, after
/// the exception handler has cleared the response). The pages use no inline script or style, so the policy allows
/// none; nothing may frame them. The API reference page (<see cref="ApiDocument.DocsPath"/>) alone runs the inline script
/// that carries its per-answer nonce and lets its bundle inject styles; the jobs dashboard alone allows inline style.
/// </summary>
internal static class SecurityHeaders
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + Common;

    private const string Common = "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static string DocsPolicy(string nonce) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + $"font-src 'self' data:; connect-src 'self'; {Common}";

    /// <summary>
    /// Hangfire's dashboard (Jobs/JobsDashboard) sets style attributes in its markup and from its scripts (its graphs,
    /// its progress bars); its scripts themselves are files, so only inline style is let through, and only there.
    /// </summary>
    private const string DashboardContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + Common;

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // Read on the way in: the dashboard moves its prefix from Path to PathBase.
        var policy = context.Request.Path.StartsWithSegments(Jobs.JobsDashboard.Path) ? DashboardContentSecurityPolicy : ContentSecurityPolicy;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.XFrameOptions = "DENY";
            headers.ContentSecurityPolicy = ApiDocument.DocsNonce(context) is { } nonce ? DocsPolicy(nonce) : policy;
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            return Task.CompletedTask;
        });
        return next(context);
    });
}
