using MediatR;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Imports;

/// <summary>The imports uploaded within the caller's unit subtree, newest first (with who uploaded and confirmed each).</summary>
public static class ListRecognitionImports
{
    public sealed record Query(int? Page, int? PageSize) : IRequest<Paged<ImportSummary>>, IAuthenticatedRequest;

    public sealed record ImportSummary(
        Guid Id, string FileName, string Sha256, string Status, string UploadedBy, DateTime UploadedAt, string? ConfirmedBy,
        DateTime? ConfirmedAt, int Rows, int? Added);

    public sealed class Validator : FluentValidation.AbstractValidator<Query>
    {
        public Validator() => this.ValidPage(q => q.Page, q => q.PageSize);
    }

    internal sealed class Handler(AppDbContext db, ICurrentActor actors) : IRequestHandler<Query, Paged<ImportSummary>>
    {
        public async Task<Paged<ImportSummary>> Handle(Query query, CancellationToken cancellationToken)
        {
            var actor = await actors.RequireAsync(cancellationToken);
            ImportOfficials.Require(actor);
            var visible = db.RecognitionImports.AsNoTracking().Where(i => i.ScopePath.StartsWith(actor.UnitPath));
            var total = await visible.CountAsync(cancellationToken);
            var items = await visible.OrderByDescending(i => i.UploadedAt)
                .Skip(Paging.Skip(query.Page, query.PageSize))
                .Take(Paging.Size(query.PageSize))
                .Select(i => new ImportSummary(i.Id, i.FileName, i.Sha256, i.Status, i.UploadedBy, i.UploadedAt, i.ConfirmedBy, i.ConfirmedAt,
                    i.RowCount, i.Added))
                .ToListAsync(cancellationToken);
            return new Paged<ImportSummary>(items, total, query.Page ?? 1, Paging.Size(query.PageSize));
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/recognition-imports", async (int? page, int? pageSize, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Query(page, pageSize), cancellationToken)))
            .WithTags("Imports")
            .WithSummary("Các lần nhập công nhận trong phạm vi của bạn");
}
