using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace NtmWorkflow.Web.Infrastructure;

/// <summary>
/// Behind a reverse proxy every caller would share the proxy's address, and the per-address limits would count them
/// as one. <c>Network:TrustedProxies</c> lists the proxies whose X-Forwarded-For is believed (loopback always is).
/// </summary>
internal static class TrustedProxies
{
    public static void AddTrustedProxies(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in configuration.GetSection("Network:TrustedProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"Network:TrustedProxies: '{proxy}' is not an IP address."));
            }
        });
}
