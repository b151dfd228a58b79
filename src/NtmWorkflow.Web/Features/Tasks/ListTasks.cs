using NtmWorkflow.Engine.Calendar;
using FluentValidation;
using MediatR;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Features.Dossiers;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Tasks;

/// <summary>What waits for the caller: dossiers in scope whose current stage is acted on by the caller's role, soonest due first.</summary>
public static class ListTasks
{
    public sealed record Query(int? Page, int? PageSize) : IRequest<Paged<DossierSummary>>, IAuthenticatedRequest;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => this.ValidPage(q => q.Page, q => q.PageSize);
    }

    internal sealed class Handler(AppDbContext db, DossierLookup lookup, ICurrentActor actors, WorkingCalendar calendar, TimeProvider clock)
        : IRequestHandler<Query, Paged<DossierSummary>>
    {
        public async Task<Paged<DossierSummary>> Handle(Query query, CancellationToken cancellationToken)
        {
            var actor = await actors.RequireAsync(cancellationToken);
            var roles = actor.Roles.ToList();
            IQueryable<Dossier> Waiting(IQueryable<Dossier> dossiers) =>
                dossiers.Where(d => d.AwaitingRole != null && roles.Contains(d.AwaitingRole));
            var soonestDueFirst = new DossierListing(actor.UnitPath,
            [
                dossiers => Waiting(dossiers).Where(d => d.DueAt != null).OrderBy(d => d.DueAt).ThenBy(d => d.StageEnteredAt),
                dossiers => Waiting(dossiers).Where(d => d.DueAt == null).OrderBy(d => d.StageEnteredAt),
            ]);
            return await DossierSummaries.PageAsync(
                soonestDueFirst, db, lookup, calendar, clock.GetUtcNow().UtcDateTime, query.Page, query.PageSize, cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/tasks", async (int? page, int? pageSize, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Query(page, pageSize), cancellationToken)))
            .WithTags("Tasks")
            .WithSummary("Hồ sơ đang chờ vai trò của người gọi xử lý");
}
