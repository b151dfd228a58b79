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

        /// <summary>
        /// The event's title, never its code: the dossier's own events by name, an action by its title in the stage it
        /// was taken from, else in any stage of the definition.
        /// </summary>
        private static string ActionTitle(WorkflowDefinition definition, DossierEvent e) =>
            Dossier.OwnEventTitles.GetValueOrDefault(e.Action)
            ?? (e.FromStage is { } from && definition.Stages.TryGetValue(from, out var stage) ? stage.Actions.GetValueOrDefault(e.Action)?.Title : null)
            ?? definition.Stages.Values.Select(s => s.Actions.GetValueOrDefault(e.Action)?.Title).FirstOrDefault(title => title is not null)
            ?? e.Action;
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/dossiers/{id:guid}/timeline", async (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Query(id), cancellationToken)))
            .WithTags("Dossiers")
            .WithSummary("Dòng thời gian của hồ sơ");
}
