using System.Text.Json;
using MediatR;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Features.Documents;
using NtmWorkflow.Web.Infrastructure;
using NtmWorkflow.Web.Storage;

namespace NtmWorkflow.Web.Features.Imports;

/// <summary>
/// Reads and checks a spreadsheet of earlier recognitions and keeps its rows as a pending import, with the report.
/// Nothing goes into the register: that is <see cref="ConfirmRecognitionImport"/>. Not one long transaction: the
/// file streams in and is read before a single insert records the import.
/// </summary>
public static class UploadRecognitionImport
{
    /// <summary>10 MB: a province's whole history is a few thousand rows, well under a megabyte.</summary>
    public const long MaxBytes = 10L * 1024 * 1024;

    public sealed record Command(IUploadSource Upload) : IRequest<ImportReport>, IAuthenticatedRequest;

    internal sealed class Handler(AppDbContext db, IDocumentStorage storage, ICurrentActor actors, RecognitionImportCheck check, TimeProvider clock)
        : IRequestHandler<Command, ImportReport>
    {
        public async Task<ImportReport> Handle(Command command, CancellationToken cancellationToken)
        {
            var actor = await actors.RequireAsync(cancellationToken);
            ImportOfficials.Require(actor);
            var parts = await command.Upload.ReadAsync(storage, MaxBytes, cancellationToken);
            IReadOnlyList<ImportRow> rows;
            try
            {
                rows = parts.File.Size == 0
                    ? throw ProblemException.BadRequest("file", "Tệp rỗng (0 byte): hãy chọn lại tệp.")
                    : RecognitionSheet.Read(parts.File.Path, parts.FileName);
            }
            finally
            {
                // The rows are what the import keeps; the file itself is not a document of any dossier.
                storage.Discard(parts.File);
            }
            var checkedRows = await check.CheckAsync(rows, actor, cancellationToken);
            var import = new RecognitionImport(DisplayName(parts.FileName), parts.File.Sha256, actor, clock.GetUtcNow().UtcDateTime,
                JsonSerializer.Serialize(rows, ImportReport.Json), rows.Count);
            import.Checked(JsonSerializer.Serialize(checkedRows.Findings, ImportReport.Json));
            db.RecognitionImports.Add(import);
            await db.SaveChangesAsync(cancellationToken);
            return ImportReport.Of(import);
        }

        /// <summary>The name as the official knows it, without a client's folder path or control characters.</summary>
        private static string DisplayName(string fileName)
        {
            var name = fileName.Replace('\\', '/');
            name = new string(name[(name.LastIndexOf('/') + 1)..].Where(c => !char.IsControl(c)).ToArray()).Trim();
            return name.Length == 0 ? "tep-nhap" : name[..Math.Min(name.Length, 200)];
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/recognition-imports", async (HttpRequest request, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var report = await mediator.Send(new Command(new MultipartUpload(request)), cancellationToken);
                return TypedResults.Created($"/api/recognition-imports/{report.Id}", report);
            })
            .WithTags("Imports")
            .WithSummary("Tải lên bảng tính công nhận trước đây để kiểm tra (multipart: file); chưa ghi gì vào sổ công nhận")
            .DisableAntiforgery()
            .WithMetadata(new MultipartForm(new FormField("file", "Bảng tính XLSX theo mẫu GET /api/recognition-imports/template.", IsFile: true)))
            .WithMetadata(new Microsoft.AspNetCore.Mvc.DisableRequestSizeLimitAttribute());
}
