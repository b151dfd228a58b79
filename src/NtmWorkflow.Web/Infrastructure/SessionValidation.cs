using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NtmWorkflow.Web.Data;

namespace NtmWorkflow.Web.Infrastructure;

/// <summary>
/// Every signed-in request, cookie or bearer token, is checked against the database before it is believed: the
/// account must still be active, its security stamp (renewed on deactivation and on every password change) must be
/// the one the cookie or token was issued with, and an API token's family must not be revoked. So access ends on the
/// next request, not when a cookie or token expires. One indexed read by primary key; nothing is cached, so every
/// instance of a cluster sees a deactivation at once.
/// </summary>
internal static class SessionValidation
{
    /// <summary>The API sign-in a bearer token descends from (<see cref="Domain.TokenFamily"/>).</summary>
    public const string FamilyClaim = "ntm:token-family";

    /// <summary>The one refresh token of the family that may still be spent.</summary>
    public const string RefreshTokenClaim = "ntm:refresh-token";

    private sealed record Account(string? SecurityStamp, bool Active, bool FamilyLive);

    private static readonly Func<AppDbContext, string, Guid?, Task<Account?>> ReadAccount = EF.CompileAsyncQuery(
        (AppDbContext db, string userId, Guid? family) => db.Users
            .Where(u => u.Id == userId)
            .Select(u => new Account(u.SecurityStamp, u.Active,
                family == null || db.TokenFamilies.Any(f => f.Id == family && f.UserId == userId && f.RevokedUtc == null)))
            .FirstOrDefault());

    public static void AddSessionValidation(this IServiceCollection services)
    {
        services.ConfigureApplicationCookie(cookie => cookie.Events.OnValidatePrincipal = async context =>
        {
            if (context.Principal is not { } principal || !await IsCurrentAsync(principal, context.HttpContext))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            }
        });
        services.Configure<BearerTokenOptions>(IdentityConstants.BearerScheme, bearer => bearer.Events.OnMessageReceived = async context =>
        {
            // The handler unprotects the token again after this; a revoked one must fail before it is believed.
            var header = context.Request.Headers.Authorization.ToString();
            if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }
            var ticket = context.Options.BearerTokenProtector.Unprotect(header["Bearer ".Length..].Trim());
            if (ticket is not null && !await IsCurrentAsync(ticket.Principal, context.HttpContext))
            {
                context.Fail("The account was deactivated, its password changed, or the token family was revoked.");
            }
        });
    }

    /// <summary>Whether the principal still speaks for an active account whose stamp and token family are current.</summary>
    public static async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, HttpContext context)
    {
        var stampClaim = context.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        if (principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId || principal.FindFirstValue(stampClaim) is not { } stamp)
        {
            return false;
        }
        Guid? family = null;
        if (principal.FindFirstValue(FamilyClaim) is { } familyText)
        {
            if (!Guid.TryParse(familyText, out var parsed))
            {
                return false;
            }
            family = parsed;
        }
        var account = await ReadAccount(context.RequestServices.GetRequiredService<AppDbContext>(), userId, family);
        return account is { Active: true, FamilyLive: true } && account.SecurityStamp == stamp;
    }
}
