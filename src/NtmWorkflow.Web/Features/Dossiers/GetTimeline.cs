using MediatR;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Engine.Definitions;
using NtmWorkflow.Engine.Transitions;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Dossiers;

/// <summary>Every move of a dossier, oldest first, with who made it in which role and what they recorded.</summary>
public static class GetTimeline
{
    public sealed record Query(Guid DossierId) : IRequest<IReadOnlyList<TimelineEvent>>, IDossierRequest;

    public sealed record TimelineEvent(
        int Sequence,
        DateTime At,
        string Actor,
        string Role,
        string Action,
        string ActionTitle,
        string? FromStage,
        string ToStage,
        string ToStageTitle,
        string? Comment,
        DateTime? DueAt,
        int? ClockPausedWithRemaining,
        Vote? Vote,
        DecisionView? Decision,
        CeremonyView? Ceremony);

    internal sealed class Handler(AppDbContext db, DossierLookup dossiers) : IRequestHandler<Query, IReadOnlyList<TimelineEvent>>
    {
        public async Task<IReadOnlyList<TimelineEvent>> Handle(Query query, CancellationToken cancellationToken)
        {
            var (_, definition, _) = await dossiers.LoadAsync(query.DossierId, forUpdate: false, cancellationToken);
            var events = await db.DossierEvents.AsNoTracking()
                .Where(e => e.DossierId == query.DossierId)
                .OrderBy(e => e.Sequence)
                .ToListAsync(cancellationToken);
            return events.Select(e => new TimelineEvent(
                    e.Sequence,
                    e.At,
                    e.ActorUserName,
                    e.Role,
                    e.Action,
                    ActionTitle(definition, e),
                    e.FromStage,
                    e.ToStage,
                    definition.TitleOf(e.ToStage),
                    e.Comment,
                    e.DueAt,
                    e.PausedRemaining,
                    e is { VoteMembers: { } m, VotePresent: { } p, VoteAgree: { } a } ? new Vote(m, p, a) : null,
                    DecisionView.From(e.DecisionNumber, e.DecisionDate, e.DecisionSigner),
                    CeremonyView.From(e.CeremonyDate, e.CeremonyPlace)))
                .ToList();
        }

        private static string ActionTitle(WorkflowDefinition definition, DossierEvent e) =>
            e.Action == Dossier.CreateAction ? "Lập hồ sơ"
            : e.FromStage is { } from && definition.Stages.TryGetValue(from, out var stage) && stage.Actions.TryGetValue(e.Action, out var action)
                ? action.Title
                : e.Action;
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/dossiers/{id:guid}/timeline", async (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Query(id), cancellationToken)))
            .WithTags("Dossiers")
            .WithSummary("Dòng thời gian của hồ sơ");
}
