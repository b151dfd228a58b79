using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Admin;

/// <summary>The administrator creates an official with one role and one unit (there is no self-registration).</summary>
public static class CreateUser
{
    public const int MaxUserName = 64;

    public sealed record Command(string? UserName, string? FullName, string? UnitCode, string? Role, string? Email, string? Password)
        : IRequest<UserView>, IAdministratorRequest, ICommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.UserName).Slug(MaxUserName, "._-")
                .WithMessage($"Tên đăng nhập (userName): chữ thường không dấu, chữ số và . - _, tối đa {MaxUserName} ký tự.");
            RuleFor(c => c.FullName).RequiredText(Limits.Name).WithMessage($"Cần họ tên hoặc tên đơn vị (fullName), tối đa {Limits.Name} ký tự.");
            RuleFor(c => c.UnitCode).RequiredText(Limits.Code).WithMessage("Cần mã đơn vị (unitCode).");
            RuleFor(c => c.Role).KnownRole();
            RuleFor(c => c.Email).MaximumLength(Limits.Name).EmailAddress().WithMessage("Địa chỉ thư điện tử (email) không hợp lệ.");
            RuleFor(c => c.Password).RequiredText(Limits.Name).WithMessage("Cần mật khẩu ban đầu (password).");
        }
    }

    internal sealed class Handler(AppDbContext db, UserManager<AppUser> users, RoleManager<IdentityRole> roles)
        : IRequestHandler<Command, UserView>
    {
        public async Task<UserView> Handle(Command command, CancellationToken cancellationToken)
        {
            var unit = await db.Units.AsNoTracking().RequireAsync(command.UnitCode, cancellationToken);
            RoleTiers.Require(command.Role!, unit);
            if (await users.FindByNameAsync(command.UserName!) is not null)
            {
                throw ProblemException.Conflict($"Tên đăng nhập '{command.UserName}' đã có người dùng.");
            }
            var user = new AppUser
            {
                UserName = command.UserName, FullName = command.FullName!.Trim(), UnitCode = unit.Code,
                Email = string.IsNullOrWhiteSpace(command.Email) ? null : command.Email.Trim(),
            };
            Require(await users.CreateAsync(user, command.Password!), "password");
            await AddToRoleAsync(users, roles, user, command.Role!);
            return new UserView(user.UserName!, user.FullName, unit.Code, unit.Name, [command.Role!], user.Email, user.Active);
        }
    }

    /// <summary>Gives the official the role, creating it first in a database that does not have it yet.</summary>
    internal static async Task AddToRoleAsync(UserManager<AppUser> users, RoleManager<IdentityRole> roles, AppUser user, string role)
    {
        if (!await roles.RoleExistsAsync(role))
        {
            Require(await roles.CreateAsync(new IdentityRole(role)), "role");
        }
        Require(await users.AddToRoleAsync(user, role), "role");
    }

    /// <summary>Identity's refusal (a weak password, say) as a 400 on the field, in Vietnamese.</summary>
    internal static void Require(IdentityResult result, string field)
    {
        if (!result.Succeeded)
        {
            throw ProblemException.BadRequest(field, string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/api/admin/users", async (Command body, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var user = await mediator.Send(body, cancellationToken);
                return TypedResults.Created($"/api/admin/users/{user.UserName}", user);
            })
            .WithTags("Admin")
            .WithSummary("Tạo người dùng với một vai trò và một đơn vị");
}
