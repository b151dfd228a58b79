using MediatR;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Engine;
using NtmWorkflow.Engine.Definitions;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Features.Dossiers;
using NtmWorkflow.Web.Infrastructure;
using NtmWorkflow.Web.Workflows;

namespace NtmWorkflow.Web.Features.Councils;

/// <summary>The dossiers in the caller's scope waiting at a council stage and in no open session: what a session may add.</summary>
public static class ListCouncilCandidates
{
    /// <summary>More than a council considers in one sitting; the list is for picking, not for paging.</summary>
    public const int Limit = 200;

    public sealed record Query : IRequest<IReadOnlyList<CouncilCandidate>>, IAuthenticatedRequest;

    public sealed record CouncilCandidate(
        Guid Id, string UnitCode, string UnitName, string Level, int Year, string Workflow, string StageTitle, int Version, DateTime? DueAt);

    internal sealed class Handler(AppDbContext db, DossierLookup dossiers, DefinitionRegistry definitions, ICurrentActor actors)
        : IRequestHandler<Query, IReadOnlyList<CouncilCandidate>>
    {
        public async Task<IReadOnlyList<CouncilCandidate>> Handle(Query query, CancellationToken cancellationToken)
        {
            var actor = await actors.RequireAsync(cancellationToken);
            // Narrowed by the council stages' names in the definitions in force; each dossier's own definition decides below.
            var stages = definitions.Current.SelectMany(d => CouncilStage.All(d, CouncilSessions.Convener)).Select(c => c.Stage).Distinct().ToList();
            var waiting = await (
                    from d in db.Dossiers.AsNoTracking().Under(actor.UnitPath)
                    join u in db.Units on d.UnitCode equals u.Code
                    where d.AwaitingRole == CouncilSessions.Convener && stages.Contains(d.Stage) && d.Status == DossierStatuses.InProgress
                        && !db.Set<Domain.CouncilSessionDossier>().Any(e => e.OpenDossierId == d.Id)
                    orderby d.StageEnteredAt
                    select new { Dossier = d, UnitName = u.Name })
                .Take(Limit)
                .ToListAsync(cancellationToken);
            var candidates = new List<CouncilCandidate>();
            foreach (var (dossier, unitName) in waiting.Select(w => (w.Dossier, w.UnitName)))
            {
                var definition = await dossiers.DefinitionOfAsync(dossier, cancellationToken);
                if (CouncilSessions.CouncilStageOf(dossier, definition) is not null)
                {
                    candidates.Add(new CouncilCandidate(dossier.Id, dossier.UnitCode, unitName, dossier.Level, dossier.Year, dossier.WorkflowId,
                        definition.TitleOf(dossier.Stage), dossier.Version, dossier.DueAt));
                }
            }
            return candidates;
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/council-sessions/candidates", async (IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Query(), cancellationToken)))
            .WithTags("Councils")
            .WithSummary("Hồ sơ đang chờ Hội đồng thẩm định và chưa thuộc phiên họp nào đang mở");
}
