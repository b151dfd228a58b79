using System.Globalization;
using Microsoft.AspNetCore.Identity;
using NtmWorkflow.Web.Domain;

namespace NtmWorkflow.Web.Features.Auth;

/// <summary>
/// The password check behind both sign-ins (API and page). A stranger learns nothing from its answers: an unknown
/// name, a wrong password and a deactivated account with a wrong password all give <see cref="SignInCheck.Refused"/>
/// after the same work (an unknown name is checked against a dummy hash); only the right password of a deactivated
/// account hears that it is deactivated.
/// </summary>
public sealed class OfficialSignIn(UserManager<AppUser> users, IPasswordHasher<AppUser> hasher, SignInThrottle throttle)
{
    private static readonly AppUser Nobody = new();
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<AppUser>().HashPassword(Nobody, Guid.NewGuid().ToString()));

    public async Task<SignInCheck> CheckAsync(string userName, string password, string address)
    {
        if (throttle.Admit(userName, address) is { } wait)
        {
            return SignInCheck.Wait(wait);
        }
        bool passed;
        AppUser? user;
        try
        {
            user = await users.FindByNameAsync(userName.Trim());
            if (user is null)
            {
                hasher.VerifyHashedPassword(Nobody, DummyHash.Value, password);
            }
            passed = user is not null && await users.CheckPasswordAsync(user, password);
        }
        catch
        {
            throttle.Abandoned(userName, address);
            throw;
        }
        if (!passed)
        {
            throttle.Failed(userName, address);
            return SignInCheck.Refused;
        }
        throttle.Succeeded(userName, address);
        return user!.Active ? SignInCheck.Passed(user) : SignInCheck.Deactivated;
    }
}

/// <summary>What a sign-in attempt came to; <see cref="User"/> is set only when it passed.</summary>
public sealed record SignInCheck(AppUser? User, TimeSpan? RetryAfter, bool IsDeactivated)
{
    public static readonly SignInCheck Refused = new(null, null, false);

    public static readonly SignInCheck Deactivated = new(null, null, true);

    public static SignInCheck Passed(AppUser user) => new(user, null, false);

    public static SignInCheck Wait(TimeSpan retryAfter) => new(null, retryAfter, false);

    public const string RefusedText = "Tên đăng nhập hoặc mật khẩu không đúng.";

    public const string DeactivatedText = "Tài khoản đã bị vô hiệu hóa; hãy liên hệ quản trị viên.";

    public const string WaitFormat = "Đăng nhập sai quá nhiều lần; vui lòng thử lại sau {0} phút.";

    public static int WaitMinutes(TimeSpan retryAfter) => Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes));

    public static string WaitText(TimeSpan retryAfter) => string.Format(CultureInfo.InvariantCulture, WaitFormat, WaitMinutes(retryAfter));
}
