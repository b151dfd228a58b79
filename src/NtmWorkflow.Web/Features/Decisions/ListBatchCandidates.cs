using MediatR;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Features.Dossiers;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Decisions;

/// <summary>The dossiers of the caller's province that the caller can decide now, to choose a batch decision's dossiers from.</summary>
public static class ListBatchCandidates
{
    /// <summary>The most listed; a province has tens of communes at the decision stage at once, not hundreds.</summary>
    public const int MaxListed = 500;

    public sealed record Query : IRequest<IReadOnlyList<Candidate>>, IAuthenticatedRequest;

    /// <param name="Version">The version to send back as the dossier's expectedVersion.</param>
    public sealed record Candidate(
        Guid Id, string UnitCode, string UnitName, string Level, int Year, int Version, string Stage, string StageTitle, string Action,
        string ActionTitle, DateTime? DueAt);

    internal sealed class Handler(AppDbContext db, BatchDesk desk, DossierLookup dossiers, ICurrentActor actors)
        : IRequestHandler<Query, IReadOnlyList<Candidate>>
    {
        public async Task<IReadOnlyList<Candidate>> Handle(Query query, CancellationToken cancellationToken)
        {
            var actor = await actors.RequireAsync(cancellationToken);
            var (province, roles) = await desk.ProvinceOfSignerAsync(actor, cancellationToken);
            var waiting = await db.Dossiers.AsNoTracking().Under(province.Path)
                .Where(d => d.AwaitingRole != null && roles.Contains(d.AwaitingRole))
                .Join(db.Units, d => d.UnitCode, u => u.Code, (d, u) => new { Dossier = d, UnitName = u.Name })
                .OrderBy(x => x.Dossier.StageEnteredAt)
                .Take(MaxListed)
                .ToListAsync(cancellationToken);
            var candidates = new List<Candidate>();
            foreach (var x in waiting)
            {
                var definition = await dossiers.DefinitionOfAsync(x.Dossier, cancellationToken);
                if (DecisionStages.DecisionAction(definition, x.Dossier.Stage, roles) is { } action)
                {
                    candidates.Add(new Candidate(x.Dossier.Id, x.Dossier.UnitCode, x.UnitName, x.Dossier.Level, x.Dossier.Year, x.Dossier.Version,
                        x.Dossier.Stage, definition.TitleOf(x.Dossier.Stage), action.Name, action.Title, x.Dossier.DueAt));
                }
            }
            return candidates;
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/api/decision-batches/candidates", async (IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Query(), cancellationToken)))
            .WithTags("Decisions")
            .WithSummary("Hồ sơ của tỉnh đang chờ người gọi ký quyết định công nhận");
}
