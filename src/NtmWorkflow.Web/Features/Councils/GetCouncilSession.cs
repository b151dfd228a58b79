using MediatR;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Councils;

/// <summary>One session: members and who came, its dossiers with their votes, rules and outcomes, its minutes.</summary>
public static class GetCouncilSession
{
    public sealed record Query(Guid SessionId) : IRequest<CouncilSessionView>, IAuthenticatedRequest;

    internal sealed class Handler(CouncilSessions sessions) : IRequestHandler<Query, CouncilSessionView>
    {
        public async Task<CouncilSessionView> Handle(Query query, CancellationToken cancellationToken)
        {
            var (session, province, actor) = await sessions.LoadAsync(query.SessionId, tracked: false, cancellationToken);
            return await sessions.ViewAsync(session, province, actor, cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/council-sessions/{id:guid}", async (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Query(id), cancellationToken)))
            .WithTags("Councils")
            .WithSummary("Một phiên họp Hội đồng thẩm định: thành viên, hồ sơ, biểu quyết, kết quả");
}
