using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Web.Data;

namespace NtmWorkflow.Web.Features.Admin;

/// <summary>An official as the administration shows them.</summary>
public sealed record UserView(string UserName, string FullName, string UnitCode, string UnitName, IReadOnlyList<string> Roles, string? Email, bool Active);

internal static class UserViews
{
    /// <summary>The users matching the filter, with their unit's name and their roles, in user-name order.</summary>
    public static async Task<List<UserView>> LoadAsync(AppDbContext db, Func<IQueryable<Domain.AppUser>, IQueryable<Domain.AppUser>> filter, CancellationToken cancellationToken)
    {
        var users = await filter(db.Users.AsNoTracking())
            .Join(db.Units, u => u.UnitCode, unit => unit.Code, (u, unit) => new { User = u, UnitName = unit.Name })
            .ToListAsync(cancellationToken);
        var ids = users.Select(u => u.User.Id).ToList();
        var roles = await db.UserRoles.Where(r => ids.Contains(r.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        return users
            .Select(u => new UserView(u.User.UserName!, u.User.FullName, u.User.UnitCode, u.UnitName,
                roles.Where(r => r.UserId == u.User.Id).Select(r => r.Name!).Order().ToList(), u.User.Email, u.User.Active))
            .ToList();
    }
}
