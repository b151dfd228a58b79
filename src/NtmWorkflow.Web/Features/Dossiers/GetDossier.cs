using MediatR;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Dossiers;

public static class GetDossier
{
    public sealed record Query(Guid DossierId) : IRequest<DossierView>, IDossierRequest;

    internal sealed class Handler(DossierLookup dossiers, ICurrentActor actors) : IRequestHandler<Query, DossierView>
    {
        public async Task<DossierView> Handle(Query query, CancellationToken cancellationToken)
        {
            var actor = await actors.RequireAsync(cancellationToken);
            var (dossier, definition, unit) = await dossiers.LoadAsync(query.DossierId, forUpdate: false, cancellationToken);
            return await dossiers.ViewAsync(dossier, definition, unit, actor, cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/dossiers/{id:guid}", async (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
            TypedResults.Ok(await mediator.Send(new Query(id), cancellationToken)))
        .WithTags("Dossiers")
        .WithSummary("Xem hồ sơ và các thao tác người gọi được phép");
}
