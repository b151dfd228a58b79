using System.Text.Json;
using MediatR;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Imports;

/// <summary>
/// Writes a checked import into the register: its rows are checked again against the data as it is now, and either
/// every new recognition is added in this one transaction or, at the first problem, none is (409 with the report).
/// Rows already held add nothing, so confirming the same file again writes no recognition.
/// </summary>
public static class ConfirmRecognitionImport
{
    public sealed record Command(Guid Id) : IRequest<ImportReport>, IAuthenticatedRequest, ICommand;

    internal sealed class Handler(AppDbContext db, ICurrentActor actors, RecognitionImportCheck check, TimeProvider clock)
        : IRequestHandler<Command, ImportReport>
    {
        /// <summary>The advisory lock that queues confirmations on PostgreSQL ("NTMIMPRT" in ASCII); SQLite's write lock already does.</summary>
        private const long PostgresKey = 0x4E544D494D505254;

        public async Task<ImportReport> Handle(Command command, CancellationToken cancellationToken)
        {
            var actor = await actors.RequireAsync(cancellationToken);
            var import = await RecognitionImportQueries.RequireAsync(db, command.Id, actor, cancellationToken);
            if (import.Status == RecognitionImportStatuses.Imported)
            {
                throw ProblemException.Conflict($"Tệp '{import.FileName}' đã được nhập lúc {import.ConfirmedAt:dd/MM/yyyy HH:mm} (UTC).")
                    .With("report", ImportReport.Of(import));
            }
            if (db.Database.IsNpgsql())
            {
                // Two imports confirmed at once could each find a unit free and both add it: the second waits, then
                // checks against what the first wrote.
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({PostgresKey})", cancellationToken);
                await db.Entry(import).ReloadAsync(cancellationToken);
                if (import.Status == RecognitionImportStatuses.Imported)
                {
                    throw ProblemException.Conflict($"Tệp '{import.FileName}' vừa được nhập bởi người khác.");
                }
            }
            var rows = JsonSerializer.Deserialize<List<ImportRow>>(import.Rows, ImportReport.Json)!;
            var result = await check.CheckAsync(rows, actor, cancellationToken);
            if (result.Problems.Count > 0)
            {
                throw ProblemException.Conflict(
                        $"Tệp '{import.FileName}' còn {result.Problems.Count} lỗi theo dữ liệu hiện tại; chưa nhập dòng nào. Sửa tệp và tải lên lại.")
                    .With("report", ImportReport.Of(import) with
                    {
                        ValidRows = result.ValidRows, AlreadyPresent = result.AlreadyPresent, Problems = result.Problems,
                    });
            }
            db.Recognitions.AddRange(result.ToAdd.Select(row => Recognition.FromImport(import.Id, row.Unit, row.UnitName, row.Level, row.Year,
                row.Decision, row.CeremonyDate, row.CeremonyPlace, row.Revocation)));
            import.Confirm(JsonSerializer.Serialize(result.Findings, ImportReport.Json), result.ToAdd.Count, actor, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            return ImportReport.Of(import);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/recognition-imports/{id:guid}/confirm", async (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Command(id), cancellationToken)))
            .WithTags("Imports")
            .WithSummary("Xác nhận nhập: kiểm tra lại và ghi mọi dòng vào sổ công nhận trong một giao dịch (hoặc không dòng nào)");
}
