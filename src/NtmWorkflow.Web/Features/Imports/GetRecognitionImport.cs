using MediatR;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Imports;

/// <summary>An import and the report of its last check.</summary>
public static class GetRecognitionImport
{
    public sealed record Query(Guid Id) : IRequest<ImportReport>, IAuthenticatedRequest;

    internal sealed class Handler(AppDbContext db, ICurrentActor actors) : IRequestHandler<Query, ImportReport>
    {
        public async Task<ImportReport> Handle(Query query, CancellationToken cancellationToken) =>
            ImportReport.Of(await RecognitionImportQueries.RequireAsync(db, query.Id, await actors.RequireAsync(cancellationToken), cancellationToken));
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/recognition-imports/{id:guid}", async (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Query(id), cancellationToken)))
            .WithTags("Imports")
            .WithSummary("Một lần nhập công nhận và báo cáo kiểm tra của nó");
}
