using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Admin;

/// <summary>The officials, searched by user name or full name, for the administrator.</summary>
public static class ListUsers
{
    public sealed record Query(string? Q, int? Page, int? PageSize) : IRequest<Paged<UserView>>, IAdministratorRequest;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Q).MaximumLength(Limits.Name).WithMessage($"Từ khóa tìm (q) dài tối đa {Limits.Name} ký tự.");
            this.ValidPage(q => q.Page, q => q.PageSize);
        }
    }

    internal sealed class Handler(AppDbContext db) : IRequestHandler<Query, Paged<UserView>>
    {
        public async Task<Paged<UserView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var text = query.Q?.Trim() ?? "";
            IQueryable<Domain.AppUser> Matching(IQueryable<Domain.AppUser> users) =>
                users.Where(u => text == "" || u.UserName!.Contains(text) || u.FullName.Contains(text));
            var total = await Matching(db.Users).CountAsync(cancellationToken);
            var items = await UserViews.LoadAsync(db, users => Matching(users).OrderBy(u => u.UserName)
                .Skip(Paging.Skip(query.Page, query.PageSize)).Take(Paging.Size(query.PageSize)), cancellationToken);
            return new Paged<UserView>(items, total, query.Page ?? 1, Paging.Size(query.PageSize));
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/api/admin/users", async (string? q, int? page, int? pageSize, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Query(q, page, pageSize), cancellationToken)))
            .WithTags("Admin")
            .WithSummary("Danh sách người dùng");
}
