using System.Threading.RateLimiting;

namespace NtmWorkflow.Web.Infrastructure;

/// <summary>
/// What the rate limits share: every refusal is 429 with Retry-After (the status code pages then write the Vietnamese
/// ProblemDetails for the API and the explanation page for the pages), and a limit counts posts per client address.
/// </summary>
internal static class RateLimits
{
    public static void AddRateLimitAnswers(this IServiceCollection services) => services.AddRateLimiter(options =>
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = (context, _) =>
        {
            if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
            {
                RetryAfterHeader.Set(context.HttpContext.Response, retryAfter);
            }
            return ValueTask.CompletedTask;
        };
    });

    /// <summary>A policy that limits posts per client address and never limits reading.</summary>
    public static Func<HttpContext, RateLimitPartition<string>> PostsPerAddress(int permits, TimeSpan window) =>
        context => HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(ClientAddress(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("reading");

    /// <summary>The caller's address as the limits count it (behind a proxy, the forwarded one; see Network:TrustedProxies).</summary>
    public static string ClientAddress(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString() : "unknown";
}
