using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Features.Auth;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Admin;

/// <summary>The administrator deactivates or reactivates an official, or sets a new password for them.</summary>
public static class ManageUser
{
    public sealed record SetActive(string UserName, bool Active) : IRequest<UserView>, IAdministratorRequest, ICommand;

    public sealed record ResetPassword(string UserName, string? NewPassword) : IRequest<UserView>, IAdministratorRequest, ICommand;

    public sealed record PasswordBody(string? NewPassword);

    public sealed class ResetPasswordValidator : AbstractValidator<ResetPassword>
    {
        public ResetPasswordValidator() =>
            RuleFor(r => r.NewPassword).RequiredText(Limits.Name).WithMessage("Cần mật khẩu mới (newPassword).");
    }

    internal sealed class Handler(AppDbContext db, UserManager<AppUser> users, ICurrentActor actors, SignInThrottle throttle)
        : IRequestHandler<SetActive, UserView>, IRequestHandler<ResetPassword, UserView>
    {
        public async Task<UserView> Handle(SetActive command, CancellationToken cancellationToken)
        {
            var user = await FindAsync(users, command.UserName);
            if (!command.Active && user.UserName == (await actors.RequireAsync(cancellationToken)).UserName)
            {
                throw ProblemException.Conflict("Không thể tự vô hiệu hóa tài khoản đang dùng.");
            }
            user.Active = command.Active;
            // A new stamp signs the official out everywhere (cookies and refresh tokens carry the old one); the same
            // update saves the changed flag.
            CreateUser.Require(await users.UpdateSecurityStampAsync(user), "active");
            return await ViewAsync(user, cancellationToken);
        }

        public async Task<UserView> Handle(ResetPassword command, CancellationToken cancellationToken)
        {
            var user = await FindAsync(users, command.UserName);
            // Both steps run in the command's one transaction: a password refused by the rules leaves the old one. Each
            // renews the security stamp, which ends the official's open sessions (SessionValidation).
            CreateUser.Require(await users.RemovePasswordAsync(user), "newPassword");
            CreateUser.Require(await users.AddPasswordAsync(user, command.NewPassword!), "newPassword");
            throttle.Forgive(user.UserName!);
            return await ViewAsync(user, cancellationToken);
        }


        private async Task<UserView> ViewAsync(AppUser user, CancellationToken cancellationToken) =>
            (await UserViews.LoadAsync(db, all => all.Where(u => u.Id == user.Id), cancellationToken)).Single();
    }

    /// <summary>The official a request names, or a 404 saying there is none.</summary>
    internal static async Task<AppUser> FindAsync(UserManager<AppUser> users, string userName) =>
        await users.FindByNameAsync(userName) ?? throw ProblemException.NotFound($"Không có người dùng '{userName}'.");

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/api/admin/users/{userName}/deactivate", async (string userName, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new SetActive(userName, false), cancellationToken)))
            .WithTags("Admin")
            .WithName("DeactivateUser")
            .WithSummary("Vô hiệu hóa người dùng (không đăng nhập được, không nhận thông báo)");
        api.MapPost("/api/admin/users/{userName}/activate", async (string userName, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new SetActive(userName, true), cancellationToken)))
            .WithTags("Admin")
            .WithName("ActivateUser")
            .WithSummary("Kích hoạt lại người dùng");
        api.MapPost("/api/admin/users/{userName}/password",
                async (string userName, PasswordBody body, IMediator mediator, CancellationToken cancellationToken) =>
                    TypedResults.Ok(await mediator.Send(new ResetPassword(userName, body.NewPassword), cancellationToken)))
            .WithTags("Admin")
            .WithName("ResetUserPassword")
            .WithSummary("Đặt lại mật khẩu (và mở khóa đăng nhập) cho người dùng; kết thúc mọi phiên đăng nhập của họ");
    }
}
