using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Decisions;

/// <summary>The batch decisions of the caller's province (every province for an official above them), newest first.</summary>
public static class ListDecisionBatches
{
    public sealed record Query(int? Page, int? PageSize) : IRequest<Paged<Summary>>, IAuthenticatedRequest;

    public sealed record Summary(Guid Id, string ProvinceCode, string Number, DateOnly Date, string Signer, int Count, string CreatedBy, DateTime CreatedAt);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => this.ValidPage(q => q.Page, q => q.PageSize);
    }

    internal sealed class Handler(AppDbContext db, ICurrentActor actors) : IRequestHandler<Query, Paged<Summary>>
    {
        public async Task<Paged<Summary>> Handle(Query query, CancellationToken cancellationToken)
        {
            var batches = DecisionBatchViews.Visible(db.DecisionBatches.AsNoTracking(), await actors.RequireAsync(cancellationToken));
            var total = await batches.CountAsync(cancellationToken);
            var items = await batches
                .OrderByDescending(b => b.Date).ThenByDescending(b => b.CreatedAt)
                .Skip(Paging.Skip(query.Page, query.PageSize))
                .Take(Paging.Size(query.PageSize))
                .Select(b => new Summary(b.Id, b.ProvinceCode, b.Number, b.Date, b.Signer, b.Count, b.CreatedBy, b.CreatedAt))
                .ToListAsync(cancellationToken);
            return new Paged<Summary>(items, total, query.Page ?? 1, Paging.Size(query.PageSize));
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/api/decision-batches", async (int? page, int? pageSize, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Query(page, pageSize), cancellationToken)))
            .WithTags("Decisions")
            .WithSummary("Các quyết định chung của tỉnh");
}
