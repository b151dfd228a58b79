using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Infrastructure;
using NtmWorkflow.Web.Notifications;

namespace NtmWorkflow.Web.Features.Notifications;

/// <summary>The caller's own notices, newest first, with how many are unread.</summary>
public static class ListNotifications
{
    public sealed record Query(bool? UnreadOnly, int? Page, int? PageSize) : IRequest<NotificationPage>, IAuthenticatedRequest;

    /// <summary>Only how many of the caller's notices are unread, for a badge.</summary>
    public sealed record UnreadCount : IRequest<int>, IAuthenticatedRequest;

    public sealed record NotificationPage(IReadOnlyList<NotificationView> Items, int Total, int Unread, int Page, int PageSize);

    /// <summary>A notice; <see cref="DossierId"/> is null for a reminder digest, which is about many dossiers.</summary>
    public sealed record NotificationView(
        long Id, string Kind, Guid? DossierId, string Stage, string Title, string Body, DateOnly Day, DateTime CreatedAt, DateTime? ReadAt)
    {
        public static NotificationView Of(Notification notice)
        {
            var (title, body) = NotificationText.Of(notice);
            return new NotificationView(notice.Id, notice.Kind, notice.DossierId, notice.Stage, title, body, notice.Day, notice.CreatedAt, notice.ReadAt);
        }
    }

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
            var notices = await listed
                .AsNoTracking()
                .OrderByDescending(n => n.Id)
                .Skip(Paging.Skip(query.Page, query.PageSize))
                .Take(Paging.Size(query.PageSize))
                .ToListAsync(cancellationToken);
            return new NotificationPage(notices.Select(NotificationView.Of).ToList(), await listed.CountAsync(cancellationToken),
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
