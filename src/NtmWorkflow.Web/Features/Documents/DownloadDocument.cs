using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Infrastructure;
using NtmWorkflow.Web.Storage;

namespace NtmWorkflow.Web.Features.Documents;

/// <summary>
/// A document's bytes: for officials within scope, and for anyone when the document's type is public (the draft
/// report during public comment, the signed decision). Ranges, ETag from the hash, Vietnamese file names (RFC 5987).
/// </summary>
public static class DownloadDocument
{
    public sealed record Query(Guid DocumentId) : IRequest<DossierDocument>, IAuthenticatedRequest;

    public sealed record PublicQuery(Guid DocumentId) : IRequest<DossierDocument>, IAnonymousRequest;

    internal sealed class Handler(AppDbContext db, ICurrentActor actors) : IRequestHandler<Query, DossierDocument>
    {
        public async Task<DossierDocument> Handle(Query query, CancellationToken cancellationToken)
        {
            var actor = await actors.RequireAsync(cancellationToken);
            var found = await db.Documents.AsNoTracking()
                .Where(d => d.Id == query.DocumentId)
                .Join(db.Dossiers, d => d.DossierId, x => x.Id, (d, x) => new { Document = d, x.UnitPath })
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw ProblemException.NotFound($"Không tìm thấy tài liệu {query.DocumentId}.");
            return actor.CanSee(found.UnitPath)
                ? found.Document
                : throw ProblemException.Forbidden("Tài liệu này thuộc hồ sơ ngoài phạm vi đơn vị của bạn.");
        }
    }

    /// <summary>
    /// A paper of a public type becomes public when the round that produced it is submitted — the draft report once
    /// the commune opens public comment, the decision once it is signed — never while it is still being drafted.
    /// </summary>
    internal sealed class PublicHandler(AppDbContext db) : IRequestHandler<PublicQuery, DossierDocument>
    {
        public async Task<DossierDocument> Handle(PublicQuery query, CancellationToken cancellationToken) =>
            await db.Documents.AsNoTracking()
                .Where(d => d.Id == query.DocumentId && d.Public)
                .Where(d => db.DossierEvents.Any(e => e.DossierId == d.DossierId && e.FromStage == d.Stage
                    && e.Action != Dossier.UploadAction && e.At >= d.UploadedAt))
                .FirstOrDefaultAsync(cancellationToken)
            ?? throw ProblemException.NotFound($"Không có tài liệu công khai {query.DocumentId}.");
    }

    public static void Map(IEndpointRouteBuilder officials, IEndpointRouteBuilder everyone)
    {
        officials.MapGet("/api/documents/{id:guid}/content", async (Guid id, IMediator mediator, IDocumentStorage storage, CancellationToken cancellationToken) =>
                Content(await mediator.Send(new Query(id), cancellationToken), storage))
            .WithTags("Documents")
            .WithName("DownloadDocument")
            .WithSummary("Tải về một phiên bản tài liệu");
        everyone.MapGet("/api/public/documents/{id:guid}/content", async (Guid id, IMediator mediator, IDocumentStorage storage, CancellationToken cancellationToken) =>
                Content(await mediator.Send(new PublicQuery(id), cancellationToken), storage))
            .WithTags("Public")
            .WithName("DownloadPublicDocument")
            .WithSummary("Tải về tài liệu công khai (không cần đăng nhập)")
            .AllowAnonymous();
    }

    /// <summary>The same download for the pages, behind the sign-in cookie (a GET changes nothing, so no antiforgery).</summary>
    public static void MapForPages(IEndpointRouteBuilder pages) =>
        pages.MapGet("/documents/{id:guid}", async (Guid id, IMediator mediator, IDocumentStorage storage, CancellationToken cancellationToken) =>
                Content(await mediator.Send(new Query(id), cancellationToken), storage))
            .ExcludeFromDescription();

    private static IResult Content(DossierDocument document, IDocumentStorage storage)
    {
        Stream content;
        try
        {
            content = storage.OpenRead(document.Sha256);
        }
        catch (FileNotFoundException)
        {
            throw ProblemException.NotFound($"Nội dung của tài liệu {document.Id} không còn trong kho lưu trữ; hãy báo quản trị viên.");
        }
        return TypedResults.File(content, document.ContentType, FileNames.WithTypeExtension(document.FileName, document.ContentType),
            new DateTimeOffset(document.UploadedAt, TimeSpan.Zero), new EntityTagHeaderValue($"\"{document.Sha256}\""),
            enableRangeProcessing: true);
    }
}
