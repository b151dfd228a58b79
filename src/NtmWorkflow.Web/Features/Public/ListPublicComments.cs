using MediatR;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Public;

/// <summary>The public's comments on a dossier, oldest first, for the officials who summarise them.</summary>
public static class ListPublicComments
{
    public sealed record Query(Guid DossierId) : IRequest<IReadOnlyList<CommentView>>, IDossierRequest;

    public sealed record CommentView(long Id, string Stage, int StageRound, string? Name, string? Contact, string Text, DateTime ReceivedAt);

    internal sealed class Handler(AppDbContext db) : IRequestHandler<Query, IReadOnlyList<CommentView>>
    {
        public async Task<IReadOnlyList<CommentView>> Handle(Query query, CancellationToken cancellationToken) =>
            await db.PublicComments.AsNoTracking()
                .Where(c => c.DossierId == query.DossierId)
                .OrderBy(c => c.Id)
                .Select(c => new CommentView(c.Id, c.Stage, c.StageRound, c.Author, c.Contact, c.Text, c.CreatedAt))
                .ToListAsync(cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder officials) =>
        officials.MapGet("/api/dossiers/{id:guid}/comments", async (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Query(id), cancellationToken)))
            .WithTags("Dossiers")
            .WithSummary("Góp ý của người dân về hồ sơ");
}
