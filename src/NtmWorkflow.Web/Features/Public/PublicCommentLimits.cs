using Microsoft.AspNetCore.RateLimiting;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Public;

/// <summary>The <c>PublicComments</c> section: how many comments one address may send per window.</summary>
public sealed class PublicCommentLimits
{
    public const string Section = "PublicComments";

    public int PermitsPerWindow { get; set; } = 5;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Only sending is limited (per client address); reading the posted dossiers never is.</summary>
    public static void AddPublicCommentLimits(IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(Section).Get<PublicCommentLimits>() ?? new PublicCommentLimits();
        services.AddRateLimiter(options =>
            options.AddPolicy(SubmitPublicComment.RateLimitPolicy, RateLimits.PostsPerAddress(limits.PermitsPerWindow, limits.Window)));
    }
}
