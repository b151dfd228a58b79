using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Notifications;

/// <summary>The caller's own notices, newest first, with how many are unread.</summary>
public static class ListNotifications
{
    public sealed record Query(bool? UnreadOnly, int? Page, int? PageSize) : IRequest<NotificationPage>, IAuthenticatedRequest;

    /// <summary>Only how many of the caller's notices are unread, for a badge.</summary>
    public sealed record UnreadCount : IRequest<int>, IAuthenticatedRequest;

    public sealed record NotificationPage(IReadOnlyList<NotificationView> Items, int Total, int Unread, int Page, int PageSize);

    public sealed record NotificationView(
        long Id, string Kind, Guid DossierId, string Stage, string Title, string Body, DateOnly Day, DateTime CreatedAt, DateTime? ReadAt);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => this.ValidPage(q => q.Page, q => q.PageSize);
    }

    internal sealed class Handler(AppDbContext db, ICurrentActor actors) : IRequestHandler<Query, NotificationPage>
    {
        public async Task<NotificationPage> Handle(Query query, CancellationToken cancellationToken)
        {
            var actor = await actors.RequireAsync(cancellationToken);
            var mine = db.Notifications.Where(n => n.RecipientId == actor.UserId);
            var listed = query.UnreadOnly == true ? mine.Where(n => n.ReadAt == null) : mine;
            var items = await listed
                .OrderByDescending(n => n.Id)
                .Skip(Paging.Skip(query.Page, query.PageSize))
                .Take(Paging.Size(query.PageSize))
                .Select(n => new NotificationView(n.Id, n.Kind, n.DossierId, n.Stage, n.Title, n.Body, n.Day, n.CreatedAt, n.ReadAt))
                .ToListAsync(cancellationToken);
            return new NotificationPage(items, await listed.CountAsync(cancellationToken),
                await mine.CountAsync(n => n.ReadAt == null, cancellationToken), query.Page ?? 1, Paging.Size(query.PageSize));
        }
    }

    internal sealed class UnreadCountHandler(AppDbContext db, ICurrentActor actors) : IRequestHandler<UnreadCount, int>
    {
        public async Task<int> Handle(UnreadCount query, CancellationToken cancellationToken)
        {
            var actor = await actors.RequireAsync(cancellationToken);
            return await db.Notifications.CountAsync(n => n.RecipientId == actor.UserId && n.ReadAt == null, cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/notifications",
                async (bool? unreadOnly, int? page, int? pageSize, IMediator mediator, CancellationToken cancellationToken) =>
                    TypedResults.Ok(await mediator.Send(new Query(unreadOnly, page, pageSize), cancellationToken)))
            .WithTags("Notifications")
            .WithName("ListNotifications")
            .WithSummary("Thông báo của người gọi, mới nhất trước");
        app.MapGet("/api/notifications/unread-count", async (IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(new { unread = await mediator.Send(new UnreadCount(), cancellationToken) }))
            .WithTags("Notifications")
            .WithName("CountUnreadNotifications")
            .WithSummary("Số thông báo chưa đọc của người gọi");
    }
}
