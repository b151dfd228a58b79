using System.Globalization;
using MediatR;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Features.Documents;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Councils;

/// <summary>
/// Uploads the session's minutes, once for all its dossiers: stored content-addressed now, filed in every dossier as
/// the paper its carrying action requires when the session concludes. A second upload replaces the first while the
/// session is open. Like a dossier's upload, the file streams in outside any transaction; a short one records it.
/// </summary>
public static class UploadCouncilMinutes
{
    public sealed record Command(Guid SessionId, IUploadSource Upload) : IRequest<CouncilSessionView>, IAuthenticatedRequest;

    internal sealed class Handler(AppDbContext db, CouncilSessions sessions, PaperIntake intake) : IRequestHandler<Command, CouncilSessionView>
    {
        public async Task<CouncilSessionView> Handle(Command command, CancellationToken cancellationToken)
        {
            var (seen, _, actor) = await sessions.LoadAsync(command.SessionId, tracked: false, cancellationToken);
            CouncilSessions.EnsureConvener(actor);
            seen.EnsureEditable(seen.Version);
            return await intake.TakeAsync(command.Upload,
                fields => Task.FromResult(int.TryParse(fields.GetValueOrDefault("expectedVersion"), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
                    ? version
                    : throw ProblemException.BadRequest("expectedVersion",
                        "Cần phiên bản của phiên họp đang xem (trường 'expectedVersion') để tránh ghi đè thay đổi của người khác.")),
                async (expectedVersion, paper) =>
                {
                    await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                    var view = await sessions.ChangeAsync(command.SessionId, expectedVersion, (session, _, _) =>
                    {
                        session.FileMinutes(paper.FileName, paper.ContentType, paper.File.Size, paper.File.Sha256, actor, sessions.Now);
                        return Task.CompletedTask;
                    }, cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                    return view;
                },
                cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/council-sessions/{id:guid}/minutes", async (Guid id, HttpRequest request, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Command(id, new MultipartUpload(request)), cancellationToken)))
            .WithTags("Councils")
            .WithSummary("Tải lên biên bản họp hội đồng, một lần cho mọi hồ sơ của phiên (multipart: file, expectedVersion)")
            .DisableAntiforgery()
            .WithMetadata(new MultipartForm(
                new FormField("file", "Biên bản họp hội đồng.", IsFile: true),
                new FormField("expectedVersion", "Phiên bản của phiên họp đang xem (số nguyên), để tránh ghi đè.")))
            .WithMetadata(new Microsoft.AspNetCore.Mvc.DisableRequestSizeLimitAttribute());
}
