using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Admin;

/// <summary>
/// The administrator moves an official to another unit or role (after a merger, a transfer). The role must fit the
/// new unit's tier, and the official's open sessions end: their tokens carry the old unit.
/// </summary>
public static class ReassignUser
{
    public sealed record Body(string? UnitCode, string? Role);

    public sealed record Command(string UserName, string? UnitCode, string? Role) : IRequest<UserView>, IAdministratorRequest, ICommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.UnitCode).RequiredText(Limits.Code).WithMessage("Cần mã đơn vị (unitCode).");
            RuleFor(c => c.Role).KnownRole();
        }
    }

    internal sealed class Handler(AppDbContext db, UserManager<AppUser> users, RoleManager<IdentityRole> roles, ICurrentActor actors)
        : IRequestHandler<Command, UserView>
    {
        public async Task<UserView> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await ManageUser.FindAsync(users, command.UserName);
            var unit = await db.Units.AsNoTracking().RequireAsync(command.UnitCode, cancellationToken);
            RoleTiers.Require(command.Role!, unit);
            var current = await users.GetRolesAsync(user);
            if (user.UserName == (await actors.RequireAsync(cancellationToken)).UserName && !current.SequenceEqual([command.Role!]))
            {
                throw ProblemException.Conflict("Không thể tự đổi vai trò của tài khoản đang dùng.");
            }
            CreateUser.Require(await users.RemoveFromRolesAsync(user, current.Where(r => r != command.Role)), "role");
            if (!current.Contains(command.Role!))
            {
                await CreateUser.AddToRoleAsync(users, roles, user, command.Role!);
            }
            user.UnitCode = unit.Code;
            CreateUser.Require(await users.UpdateSecurityStampAsync(user), "unitCode");
            return (await UserViews.LoadAsync(db, all => all.Where(u => u.Id == user.Id), cancellationToken)).Single();
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/api/admin/users/{userName}/assignment",
                async (string userName, Body body, IMediator mediator, CancellationToken cancellationToken) =>
                    TypedResults.Ok(await mediator.Send(new Command(userName, body.UnitCode, body.Role), cancellationToken)))
            .WithTags("Admin")
            .WithSummary("Chuyển người dùng sang đơn vị hoặc vai trò khác (vai trò phải khớp cấp đơn vị)");
}
