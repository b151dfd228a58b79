using MediatR;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Dossiers;

/// <summary>How many dossiers in progress in the caller's subtree sit at each stage, for the dashboard.</summary>
public static class CountDossiersByStage
{
    public sealed record Query : IRequest<IReadOnlyList<StageCount>>, IAuthenticatedRequest;

    public sealed record StageCount(string Stage, string StageTitle, int Count, int Overdue);

    internal sealed class Handler(AppDbContext db, DossierLookup lookup, ICurrentActor actors, TimeProvider clock)
        : IRequestHandler<Query, IReadOnlyList<StageCount>>
    {
        public async Task<IReadOnlyList<StageCount>> Handle(Query query, CancellationToken cancellationToken)
        {
            var actor = await actors.RequireAsync(cancellationToken);
            return await CountAsync(db, lookup, actor.UnitPath, clock.GetUtcNow().UtcDateTime, cancellationToken);
        }
    }

    /// <summary>
    /// The dossiers in progress under <paramref name="scopePath"/> by stage, titled from each one's pinned definition
    /// (a code two procedures title alike is one row), with how many are past their deadline at <paramref name="now"/>.
    /// </summary>
    internal static async Task<IReadOnlyList<StageCount>> CountAsync(
        AppDbContext db, DossierLookup lookup, string scopePath, DateTime now, CancellationToken cancellationToken)
    {
        var groups = await db.Dossiers
            .Under(scopePath)
            .Where(d => d.AwaitingRole != null)
            .GroupBy(d => new { d.WorkflowId, d.WorkflowVersion, d.WorkflowHash, d.Stage })
            .Select(g => new { g.Key, Count = g.Count(), Overdue = g.Count(d => d.DueAt < now) })
            .ToListAsync(cancellationToken);
        var counts = new List<StageCount>();
        foreach (var group in groups)
        {
            var definition = await lookup.PinnedAsync(group.Key.WorkflowId, group.Key.WorkflowVersion, group.Key.WorkflowHash, cancellationToken);
            counts.Add(new StageCount(group.Key.Stage, definition.TitleOf(group.Key.Stage), group.Count, group.Overdue));
        }
        return counts
            .GroupBy(c => (c.Stage, c.StageTitle))
            .Select(g => new StageCount(g.Key.Stage, g.Key.StageTitle, g.Sum(c => c.Count), g.Sum(c => c.Overdue)))
            .OrderByDescending(c => c.Count)
            .ToList();
    }
}
