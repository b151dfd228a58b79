using MediatR;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Engine.Criteria;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Features.Dossiers;
using NtmWorkflow.Web.Infrastructure;
using NtmWorkflow.Web.Infrastructure.Telemetry;

namespace NtmWorkflow.Web.Features.Documents;

/// <summary>
/// Adds a version of a paper to a dossier. Deliberately not one long transaction: holding the database's write lock
/// while a 200 MB file streams in would stall every other official. The file is staged and promoted first; then a
/// short transaction re-reads the dossier, re-checks who may upload in its current stage, numbers the version and
/// commits the row. Racing uploads retry that short step, so each gets the next version; if the dossier moved on
/// meanwhile the upload is refused and its blob, referenced by no row, is removed by the cleanup.
/// </summary>
public static class UploadDocument
{
    public sealed record Command(Guid DossierId, IUploadSource Upload) : IRequest<DocumentView>, IDossierRequest;

    internal sealed class Handler(
        AppDbContext db, WriteTransactions writes, DossierLookup dossiers, PaperIntake intake, DossierPapers papers, ICurrentActor actors,
        AppMetrics metrics)
        : IRequestHandler<Command, DocumentView>
    {
        public async Task<DocumentView> Handle(Command command, CancellationToken cancellationToken)
        {
            var actor = await actors.RequireAsync(cancellationToken);
            var (dossier, definition, _) = await dossiers.LoadAsync(command.DossierId, forUpdate: false, cancellationToken);
            dossier.EnsureCanUpload(definition, actor);
            return await intake.TakeAsync(command.Upload,
                async fields =>
                {
                    var type = fields.GetValueOrDefault("type")
                        ?? throw ProblemException.BadRequest("type", "Cần loại tài liệu (trường 'type').");
                    dossier.RequireUploadableType(definition, type);
                    return (Type: type, Criteria: EvidencedCriteria(fields.GetValueOrDefault("criteria"), await dossiers.CriteriaAsync(dossier, cancellationToken)));
                },
                (fields, paper) => RecordAsync(command.DossierId, fields.Type, paper, fields.Criteria, actor, cancellationToken),
                cancellationToken);
        }

        private async Task<DocumentView> RecordAsync(
            Guid dossierId, string type, ReceivedPaper paper, IReadOnlyList<int> criteria, Actor actor, CancellationToken cancellationToken)
        {
            for (var attempt = 1; ; attempt++)
            {
                db.ChangeTracker.Clear();
                try
                {
                    await using var transaction = await writes.BeginAsync(db, cancellationToken);
                    var (dossier, definition, _) = await dossiers.LoadAsync(dossierId, forUpdate: true, cancellationToken);
                    var document = await papers.AttachAsync(dossier, definition, type, paper, criteria, actor, cancellationToken);
                    await db.SaveChangesAsync(cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                    metrics.DocumentUploaded(paper.File.Size);
                    return DocumentView.From(document, definition);
                }
                catch (DbUpdateException) when (attempt < MaxAttempts)
                {
                    // Another upload to this dossier committed first: number the version again.
                }
            }
        }
    }

    private const int MaxAttempts = 5;

    /// <summary>"2, 5,17" → the criteria numbers the paper evidences; each must be in the dossier's criteria set.</summary>
    private static List<int> EvidencedCriteria(string? field, CriteriaSet set)
    {
        var numbers = new List<int>();
        foreach (var part in (field ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, out var number) || set.Criteria.All(c => c.Number != number))
            {
                throw ProblemException.BadRequest("criteria",
                    $"'{part}' không phải số tiêu chí của bộ '{set.Title}' (1 đến {set.Criteria.Count}); ghi các số cách nhau bằng dấu phẩy.");
            }
            numbers.Add(number);
        }
        return numbers.Distinct().Order().ToList();
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/dossiers/{id:guid}/documents", async (Guid id, HttpRequest request, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var document = await mediator.Send(new Command(id, new MultipartUpload(request)), cancellationToken);
                return TypedResults.Created($"/api/documents/{document.Id}/content", document);
            })
            .WithTags("Documents")
            .WithSummary("Tải lên một phiên bản tài liệu của hồ sơ (multipart: file, type)")
            .DisableAntiforgery()
            .WithMetadata(new MultipartForm(
                new FormField("file", "Tệp tài liệu (PDF, ảnh, DOCX, XLSX...).", IsFile: true),
                new FormField("type", "Mã loại tài liệu theo quy trình của hồ sơ."),
                new FormField("criteria", "Các số tiêu chí tài liệu làm minh chứng, cách nhau bằng dấu phẩy (\"2, 5,17\").", Required: false)))
            .WithMetadata(new Microsoft.AspNetCore.Mvc.DisableRequestSizeLimitAttribute());
}
