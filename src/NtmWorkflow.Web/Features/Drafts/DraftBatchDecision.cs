using MediatR;
using NtmWorkflow.Engine.Drafts;
using NtmWorkflow.Web.Features.Decisions;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Drafts;

/// <summary>
/// A batch decision drafted as DOCX: its number, date and signer, and every unit it decided with its level and year,
/// for the officials who may read the batch. The wording is that of the period of the latest year it decided.
/// </summary>
public static class DraftBatchDecision
{
    public sealed record Query(Guid Id) : IRequest<DraftDownload>, IAuthenticatedRequest;

    internal sealed class Handler(DecisionBatchViews batches, ICurrentActor actors, DraftOffer offer)
        : IRequestHandler<Query, DraftDownload>
    {
        public async Task<DraftDownload> Handle(Query query, CancellationToken cancellationToken)
        {
            var batch = await batches.FindAsync(query.Id, await actors.RequireAsync(cancellationToken), cancellationToken);
            var year = batch.Dossiers.Count == 0 ? batch.Date.Year : batch.Dossiers.Max(d => d.Year);
            var wording = offer.BatchWordingFor(year) ?? throw ProblemException.Conflict($"Chưa có lời văn bản thảo quyết định cho năm {year} (workflows/drafts/).");
            var paper = DraftComposer.Batch(offer.Format, wording.Papers[DraftPapers.QuyetDinhChung], new DraftBatchFacts(
                batch.ProvinceName, new(batch.Number, batch.Date, batch.Signer),
                batch.Dossiers.Select(d => new DraftBatchMember(d.UnitName, d.Level, d.Year)).ToList()));
            return new DraftDownload(DocxWriter.Write(paper), paper.FileStem);
        }
    }

    /// <summary>The API's route, and the same download behind the sign-in cookie for the batch page.</summary>
    public static void Map(IEndpointRouteBuilder api, IEndpointRouteBuilder pages)
    {
        api.MapGet("/api/decision-batches/{id:guid}/draft", Send).WithTags("Drafts")
            .WithSummary("Bản thảo DOCX của quyết định chung, liệt kê mọi đơn vị được công nhận").Produces(StatusCodes.Status200OK, contentType: Storage.ContentTypes.Docx);
        pages.MapGet("/decision-batches/{id:guid}/draft", Send).ExcludeFromDescription();
    }

    private static async Task<DraftDownload> Send(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        await mediator.Send(new Query(id), cancellationToken);
}
