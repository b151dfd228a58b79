using Microsoft.AspNetCore.Identity;

namespace NtmWorkflow.Web.Domain;

/// <summary>An official. Each belongs to exactly one unit and acts only inside that unit's subtree.</summary>
public sealed class AppUser : IdentityUser
{
    public string FullName { get; set; } = "";

    public string UnitCode { get; set; } = "";
}
