using MediatR;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Features.Dossiers;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Documents;

/// <summary>Every version of every paper of a dossier, by type then version.</summary>
public static class ListDocuments
{
    public sealed record Query(Guid DossierId) : IRequest<IReadOnlyList<DocumentView>>, IDossierRequest;

    internal sealed class Handler(AppDbContext db, DossierLookup dossiers) : IRequestHandler<Query, IReadOnlyList<DocumentView>>
    {
        public async Task<IReadOnlyList<DocumentView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var (_, definition, _) = await dossiers.LoadAsync(query.DossierId, forUpdate: false, cancellationToken);
            var documents = await db.Documents.AsNoTracking()
                .Where(d => d.DossierId == query.DossierId)
                .OrderBy(d => d.Type).ThenBy(d => d.Version)
                .ToListAsync(cancellationToken);
            return documents.Select(d => DocumentView.From(d, definition)).ToList();
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/dossiers/{id:guid}/documents", async (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Query(id), cancellationToken)))
            .WithTags("Documents")
            .WithSummary("Các tài liệu của hồ sơ, mọi phiên bản");
}
