using Microsoft.AspNetCore.Identity;

namespace NtmWorkflow.Web.Domain;

/// <summary>An official. Each belongs to exactly one unit and acts only inside that unit's subtree.</summary>
public sealed class AppUser : IdentityUser
{
    public string FullName { get; set; } = "";

    public string UnitCode { get; set; } = "";

    /// <summary>A deactivated official can no longer sign in and is told nothing; their history stays.</summary>
    public bool Active { get; set; } = true;

    /// <summary>How notices reach the user by e-mail: each at once, one daily digest, or not at all.</summary>
    public string EmailPreference { get; set; } = EmailPreferences.Immediate;
}

public static class EmailPreferences
{
    public const string Immediate = "immediate";
    public const string DailyDigest = "daily-digest";
    public const string Off = "off";

    public static readonly IReadOnlyList<string> All = [Immediate, DailyDigest, Off];
}
