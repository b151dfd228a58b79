using MediatR;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Decisions;

/// <summary>One batch decision with every dossier it decided, for the officials of its province.</summary>
public static class GetDecisionBatch
{
    public sealed record Query(Guid Id) : IRequest<DecisionBatchView>, IAuthenticatedRequest;

    internal sealed class Handler(DecisionBatchViews views, ICurrentActor actors) : IRequestHandler<Query, DecisionBatchView>
    {
        public async Task<DecisionBatchView> Handle(Query query, CancellationToken cancellationToken) =>
            await views.FindAsync(query.Id, await actors.RequireAsync(cancellationToken), cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/api/decision-batches/{id:guid}", async (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Query(id), cancellationToken)))
            .WithTags("Decisions")
            .WithSummary("Một quyết định chung và các hồ sơ được quyết định");
}
