using MediatR;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Notifications;

/// <summary>Marks one of the caller's notices as read, or all of them; marking a read notice again changes nothing.</summary>
public static class MarkNotificationsRead
{
    /// <summary>One notice by id, or every unread one when <see cref="Id"/> is null; returns how many were marked now.</summary>
    public sealed record Command(long? Id) : IRequest<int>, IAuthenticatedRequest, ICommand;

    internal sealed class Handler(AppDbContext db, ICurrentActor actors, TimeProvider clock) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command command, CancellationToken cancellationToken)
        {
            var actor = await actors.RequireAsync(cancellationToken);
            var mine = db.Notifications.Where(n => n.RecipientId == actor.UserId);
            if (command.Id is { } id && !await mine.AnyAsync(n => n.Id == id, cancellationToken))
            {
                throw ProblemException.NotFound($"Không tìm thấy thông báo {id} của bạn.");
            }
            var now = clock.GetUtcNow().UtcDateTime;
            return await mine.Where(n => (command.Id == null || n.Id == command.Id) && n.ReadAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/notifications/{id:long}/read", async (long id, IMediator mediator, CancellationToken cancellationToken) =>
            {
                await mediator.Send(new Command(id), cancellationToken);
                return TypedResults.NoContent();
            })
            .WithTags("Notifications")
            .WithName("MarkNotificationRead")
            .WithSummary("Đánh dấu một thông báo đã đọc");
        app.MapPost("/api/notifications/read-all", async (IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(new { marked = await mediator.Send(new Command(null), cancellationToken) }))
            .WithTags("Notifications")
            .WithName("MarkAllNotificationsRead")
            .WithSummary("Đánh dấu mọi thông báo đã đọc");
    }
}
