using MediatR;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Features.Dossiers;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Councils;

/// <summary>Whether a dossier waits at a council stage, and the open session that considers it, if one does.</summary>
public static class GetDossierCouncil
{
    public sealed record Query(Guid DossierId) : IRequest<DossierCouncilView>, IDossierRequest;

    public sealed record DossierCouncilView(bool AtCouncilStage, Guid? SessionId, string? SessionTitle);

    internal sealed class Handler(AppDbContext db, DossierLookup dossiers) : IRequestHandler<Query, DossierCouncilView>
    {
        public async Task<DossierCouncilView> Handle(Query query, CancellationToken cancellationToken)
        {
            var (dossier, definition, _) = await dossiers.LoadAsync(query.DossierId, forUpdate: false, cancellationToken);
            var session = await db.CouncilSessions.AsNoTracking()
                .Where(s => s.Dossiers.Any(d => d.OpenDossierId == query.DossierId))
                .Select(s => new { s.Id, s.Title })
                .FirstOrDefaultAsync(cancellationToken);
            return new DossierCouncilView(CouncilSessions.CouncilStageOf(dossier, definition) is not null, session?.Id, session?.Title);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/dossiers/{id:guid}/council", async (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Query(id), cancellationToken)))
            .WithTags("Councils")
            .WithSummary("Hồ sơ có đang chờ Hội đồng thẩm định không, và phiên họp đang mở xét hồ sơ");
}
