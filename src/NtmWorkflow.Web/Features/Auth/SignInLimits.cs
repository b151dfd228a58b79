using Microsoft.AspNetCore.RateLimiting;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Auth;

/// <summary>
/// The <c>SignIn</c> section. Three brakes on password guessing, none of which lets a stranger lock an official out:
/// attempts per client address (the rate limiter middleware), attempts per user name from all addresses (short
/// window, so at worst a delay), and a lockout of one user name from one address after repeated failures (the owner
/// signs in from any other address meanwhile). Counts are per instance, in memory.
/// </summary>
public sealed class SignInLimits
{
    public const string Section = "SignIn";

    /// <summary>The rate limiter policy on <c>POST /api/auth/login</c> and the sign-in page.</summary>
    public const string AddressPolicy = "sign-in-per-address";

    public int AttemptsPerAddress { get; set; } = 30;

    public TimeSpan AddressWindow { get; set; } = TimeSpan.FromMinutes(1);

    public int AttemptsPerUserName { get; set; } = 20;

    public TimeSpan UserNameWindow { get; set; } = TimeSpan.FromMinutes(1);

    public int FailuresBeforeLockout { get; set; } = 5;

    public TimeSpan Lockout { get; set; } = TimeSpan.FromMinutes(15);

    public static void AddSignInLimits(IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(Section).Get<SignInLimits>() ?? new SignInLimits();
        services.AddSingleton(limits);
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<OfficialSignIn>();
        services.AddRateLimiter(options => options.AddPolicy(AddressPolicy, RateLimits.PostsPerAddress(limits.AttemptsPerAddress, limits.AddressWindow)));
    }
}
