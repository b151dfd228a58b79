using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Auth;

/// <summary>
/// Bearer tokens for other systems: Identity's own token handler writes {tokenType, accessToken, expiresIn, refreshToken}.
/// Each sign-in starts a token family; a refresh token is spent once (see <see cref="TokenFamily"/>). Guessing is
/// braked by <see cref="SignInLimits"/>.
/// </summary>
public static class Login
{
    public sealed record Body(string? UserName, string? Password);

    public sealed record RefreshBody(string? RefreshToken);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/login", SignInAsync)
            .WithTags("Auth")
            .WithSummary("Đăng nhập, nhận access token và refresh token")
            .WithName("Login")
            .Produces<AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .RequireRateLimiting(SignInLimits.AddressPolicy)
            .AllowAnonymous();
        app.MapPost("/api/auth/refresh", RefreshAsync)
            .WithTags("Auth")
            .WithSummary("Đổi refresh token (dùng một lần) lấy access token và refresh token mới")
            .WithName("RefreshToken")
            .Produces<AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .RequireRateLimiting(SignInLimits.AddressPolicy)
            .AllowAnonymous();
    }

    private static async Task<SignInHttpResult> SignInAsync(
        Body body, HttpContext context, OfficialSignIn officials, SignInManager<AppUser> signIn, AppDbContext db, TimeProvider clock)
    {
        if (string.IsNullOrWhiteSpace(body.UserName) || string.IsNullOrEmpty(body.Password))
        {
            throw ProblemException.BadRequest(string.IsNullOrWhiteSpace(body.UserName) ? "userName" : "password",
                "Cần nhập tên đăng nhập (userName) và mật khẩu (password).");
        }
        var check = await officials.CheckAsync(body.UserName, body.Password, RateLimits.ClientAddress(context));
        if (check.RetryAfter is { } wait)
        {
            throw ProblemException.TooManyRequests(SignInCheck.WaitText(wait), wait);
        }
        if (check.User is not { } user)
        {
            throw ProblemException.Unauthorized(check.IsDeactivated ? SignInCheck.DeactivatedText : SignInCheck.RefusedText);
        }
        var family = TokenFamily.Start(user.Id, clock.GetUtcNow().UtcDateTime);
        db.TokenFamilies.Add(family);
        await db.SaveChangesAsync(context.RequestAborted);
        return await IssueAsync(signIn, user, family.Id, family.CurrentTokenId);
    }

    private static async Task<SignInHttpResult> RefreshAsync(RefreshBody body, HttpContext context, SignInManager<AppUser> signIn,
        IOptionsMonitor<BearerTokenOptions> bearer, AppDbContext db, TimeProvider clock)
    {
        var ticket = string.IsNullOrEmpty(body.RefreshToken)
            ? null
            : bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(body.RefreshToken);
        var now = clock.GetUtcNow();
        if (ticket?.Properties.ExpiresUtc is not { } expires || now >= expires
            || !Guid.TryParse(ticket.Principal.FindFirstValue(SessionValidation.FamilyClaim), out var familyId)
            || !Guid.TryParse(ticket.Principal.FindFirstValue(SessionValidation.RefreshTokenClaim), out var tokenId)
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { Active: true } user)
        {
            throw ProblemException.Unauthorized(RefusedRefresh);
        }
        var next = Guid.NewGuid();
        var spent = await db.TokenFamilies
            .Where(f => f.Id == familyId && f.UserId == user.Id && f.CurrentTokenId == tokenId && f.RevokedUtc == null)
            .ExecuteUpdateAsync(f => f.SetProperty(x => x.CurrentTokenId, next), context.RequestAborted);
        if (spent == 0)
        {
            // A spent token came back: someone holds a copy. Nothing descended from this sign-in may be used again.
            await db.TokenFamilies.Where(f => f.Id == familyId && f.RevokedUtc == null)
                .ExecuteUpdateAsync(f => f.SetProperty(x => x.RevokedUtc, now.UtcDateTime), context.RequestAborted);
            throw ProblemException.Unauthorized(RefusedRefresh);
        }
        return await IssueAsync(signIn, user, familyId, next);
    }

    private const string RefusedRefresh = "Refresh token không hợp lệ, đã dùng hoặc đã hết hạn; hãy đăng nhập lại.";

    private static async Task<SignInHttpResult> IssueAsync(SignInManager<AppUser> signIn, AppUser user, Guid family, Guid refreshToken)
    {
        var principal = await signIn.CreateUserPrincipalAsync(user);
        var identity = (ClaimsIdentity)principal.Identity!;
        identity.AddClaim(new Claim(SessionValidation.FamilyClaim, family.ToString()));
        identity.AddClaim(new Claim(SessionValidation.RefreshTokenClaim, refreshToken.ToString()));
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }
}
