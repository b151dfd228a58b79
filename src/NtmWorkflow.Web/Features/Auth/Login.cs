using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Auth;

/// <summary>
/// Bearer tokens for other systems: Identity's own token handler writes {tokenType, accessToken, expiresIn, refreshToken}.
/// Five wrong passwords lock the account for a while (Identity lockout), whatever the caller's address.
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
            .AllowAnonymous();
        app.MapPost("/api/auth/refresh", RefreshAsync)
            .WithTags("Auth")
            .WithSummary("Đổi refresh token lấy access token mới")
            .AllowAnonymous();
    }

    private static async Task<EmptyHttpResult> SignInAsync(Body body, SignInManager<AppUser> signIn)
    {
        if (string.IsNullOrWhiteSpace(body.UserName) || string.IsNullOrEmpty(body.Password))
        {
            throw ProblemException.BadRequest(string.IsNullOrWhiteSpace(body.UserName) ? "userName" : "password",
                "Cần nhập tên đăng nhập (userName) và mật khẩu (password).");
        }
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(body.UserName, body.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            throw ProblemException.Unauthorized("Tài khoản tạm thời bị khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau.");
        }
        if (result.IsNotAllowed)
        {
            throw ProblemException.Unauthorized("Tài khoản đã bị vô hiệu hóa; hãy liên hệ quản trị viên.");
        }
        if (!result.Succeeded)
        {
            throw ProblemException.Unauthorized("Tên đăng nhập hoặc mật khẩu không đúng.");
        }
        return TypedResults.Empty;
    }

    private static async Task<Results<EmptyHttpResult, SignInHttpResult>> RefreshAsync(
        RefreshBody body, SignInManager<AppUser> signIn, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock)
    {
        var ticket = string.IsNullOrEmpty(body.RefreshToken)
            ? null
            : bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(body.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
        {
            throw ProblemException.Unauthorized("Refresh token không hợp lệ hoặc đã hết hạn; hãy đăng nhập lại.");
        }
        return TypedResults.SignIn(await signIn.CreateUserPrincipalAsync(user), authenticationScheme: IdentityConstants.BearerScheme);
    }
}
