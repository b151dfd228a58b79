using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using NtmWorkflow.Web.Domain;

namespace NtmWorkflow.Web.Infrastructure;

/// <summary>Adds the official's unit to their token and cookie, so scope checks need no user lookup.</summary>
internal sealed class UnitClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(HttpCurrentActor.UnitClaim, user.UnitCode));
        return identity;
    }
}
