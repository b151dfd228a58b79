using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Notifications;

/// <summary>The caller's e-mail address and whether notices reach it at once, in a daily digest, or not at all.</summary>
public static class NotificationSettings
{
    public sealed record SettingsView(string? Email, string EmailPreference);

    public sealed record Get : IRequest<SettingsView>, IAuthenticatedRequest;

    public sealed record Update(string? Email, string? EmailPreference) : IRequest<SettingsView>, IAuthenticatedRequest, ICommand;

    public sealed class UpdateValidator : AbstractValidator<Update>
    {
        public UpdateValidator()
        {
            RuleFor(u => u.EmailPreference).Must(p => p is not null && EmailPreferences.All.Contains(p))
                .WithMessage($"Cách nhận thư (emailPreference) phải là một trong: {string.Join(", ", EmailPreferences.All)}.");
            RuleFor(u => u.Email).MaximumLength(Limits.Name).EmailAddress()
                .WithMessage($"Địa chỉ thư điện tử (email) không hợp lệ hoặc dài quá {Limits.Name} ký tự.");
        }
    }

    internal sealed class Handler(AppDbContext db, ICurrentActor actors) : IRequestHandler<Get, SettingsView>, IRequestHandler<Update, SettingsView>
    {
        public async Task<SettingsView> Handle(Get request, CancellationToken cancellationToken)
        {
            var user = await CallerAsync(cancellationToken);
            return new SettingsView(user.Email, user.EmailPreference);
        }

        public async Task<SettingsView> Handle(Update request, CancellationToken cancellationToken)
        {
            var user = await CallerAsync(cancellationToken);
            user.EmailPreference = request.EmailPreference!;
            user.Email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim();
            user.NormalizedEmail = user.Email?.ToUpperInvariant();
            await db.SaveChangesAsync(cancellationToken);
            return new SettingsView(user.Email, user.EmailPreference);
        }

        private async Task<AppUser> CallerAsync(CancellationToken cancellationToken)
        {
            var actor = await actors.RequireAsync(cancellationToken);
            return await db.Users.SingleAsync(u => u.Id == actor.UserId, cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me/notification-settings", async (IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Get(), cancellationToken)))
            .WithTags("Notifications")
            .WithName("GetNotificationSettings")
            .WithSummary("Địa chỉ thư và cách nhận thông báo qua thư của người gọi");
        app.MapPut("/api/me/notification-settings", async (Update body, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(body, cancellationToken)))
            .WithTags("Notifications")
            .WithName("UpdateNotificationSettings")
            .WithSummary("Đổi địa chỉ thư và cách nhận thông báo: ngay (immediate), tổng hợp hằng ngày (daily-digest) hoặc không (off)");
    }
}
