using NtmWorkflow.Engine.Calendar;
using FluentValidation;
using MediatR;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Dossiers;

/// <summary>The dossiers inside the caller's unit subtree, filtered and sorted (newest activity first by default).</summary>
public static class ListDossiers
{
    public sealed record Query(
        string? Stage, string? Status, string? UnitCode, int? Year, int? Page, int? PageSize,
        string? Level = null, bool? Overdue = null, string? Q = null, string? Sort = null,
        string? LeftStage = null, int? LeftYear = null, int? DecidedYear = null, bool? DecidedLate = null)
        : IRequest<Paged<DossierSummary>>, IAuthenticatedRequest, IDossierFilters;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            this.ValidDossierFilters();
            this.ValidPage(q => q.Page, q => q.PageSize);
        }
    }

    internal sealed class Handler(
        AppDbContext db, DossierLookup lookup, DossierSelection selection, WorkingCalendar calendar, TimeProvider clock)
        : IRequestHandler<Query, Paged<DossierSummary>>
    {
        public async Task<Paged<DossierSummary>> Handle(Query query, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var listing = await selection.ListingAsync(query, now, cancellationToken);
            return await DossierSummaries.PageAsync(listing, db, lookup, calendar, now, query.Page, query.PageSize, cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/dossiers", async (
                string? stage, string? status, string? unitCode, int? year, int? page, int? pageSize, string? level, bool? overdue,
                string? q, string? sort, string? leftStage, int? leftYear, int? decidedYear, bool? decidedLate, IMediator mediator,
                CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(
                    new Query(stage, status, unitCode, year, page, pageSize, level, overdue, q, sort, leftStage, leftYear, decidedYear, decidedLate),
                    cancellationToken)))
            .WithTags("Dossiers")
            .WithSummary("Danh sách hồ sơ trong phạm vi của người gọi");
}
