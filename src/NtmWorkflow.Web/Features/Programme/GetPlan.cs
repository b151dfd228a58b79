using MediatR;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Programme;

/// <summary>One annual plan, for anyone who sees its commune.</summary>
public static class GetPlan
{
    public sealed record Query(Guid PlanId) : IRequest<PlanView>, IPlanRequest;

    internal sealed class Handler(AppDbContext db, ICurrentActor actors) : IRequestHandler<Query, PlanView>
    {
        public async Task<PlanView> Handle(Query query, CancellationToken cancellationToken) =>
            await PlanReads.ViewAsync(db, await PlanReads.LoadAsync(db, query.PlanId, null, cancellationToken),
                await actors.RequireAsync(cancellationToken), cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/api/plans/{id:guid}", async (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Query(id), cancellationToken)))
            .WithTags("Programme")
            .WithSummary("Một kế hoạch năm");
}
