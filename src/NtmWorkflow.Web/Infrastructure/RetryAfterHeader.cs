using System.Globalization;

namespace NtmWorkflow.Web.Infrastructure;

/// <summary>Retry-After as every refusal that asks the caller to come back writes it: whole seconds, at least one.</summary>
internal static class RetryAfterHeader
{
    public static void Set(HttpResponse response, TimeSpan wait) =>
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
