using NtmWorkflow.Engine.Calendar;
using NtmWorkflow.Engine.Definitions;
using NtmWorkflow.Engine.Transitions;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Features.Decisions;
using NtmWorkflow.Web.Infrastructure;
using NtmWorkflow.Web.Infrastructure.Telemetry;
using NtmWorkflow.Web.Notifications;

namespace NtmWorkflow.Web.Features.Dossiers;

/// <summary>
/// Moves one dossier by one action of its definition, in the caller's transaction: reads what the action's gates
/// check, lets the aggregate decide, keeps the register of recognitions in step and notifies the next actors. Every
/// way a dossier moves (one action, a batch decision, a council session) goes through here, so each dossier is still
/// checked by its own gates and version.
/// </summary>
internal sealed class DossierMover(
    DossierLookup dossiers, RecognitionRegister recognitions, DecisionNumbers numbers, Notifier notifier, WorkingCalendar calendar,
    TimeProvider clock, AppMetrics metrics)
{
    /// <returns>The dossier's criteria and papers as the gates read them (a move changes neither).</returns>
    public async Task<DossierState> MoveAsync(
        Dossier dossier, WorkflowDefinition definition, AdministrativeUnit unit, string action, ActionInput input, Actor actor,
        int expectedVersion, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var state = await dossiers.StateAsync(dossier, unit, cancellationToken);
        var facts = await dossiers.GateFactsAsync(dossier, definition, unit, state, action, now, cancellationToken);
        var taken = definition.Stages.GetValueOrDefault(dossier.Stage)?.Actions.GetValueOrDefault(action);
        var lastVoteAt = input.Decision is null ? null : await dossiers.LastVoteAtAsync(dossier.Id, cancellationToken);
        try
        {
            dossier.Act(definition, action, input, facts, actor, expectedVersion, now, calendar, lastVoteAt);
        }
        catch (ProblemException refused) when (refused.RefusalReasons.Count > 0)
        {
            // Counted when refused, not on commit: a refusal is an answer the official got, even if the batch around it fails.
            // The action comes from the URL: only names the definition knows become a tag value.
            var known = definition.Stages.Values.Any(s => s.Actions.ContainsKey(action)) ? action : "unknown";
            foreach (var reason in refused.RefusalReasons)
            {
                metrics.ActionRefused(known, reason);
            }
            throw;
        }
        if (taken!.Requires.Contains(RequiredField.Decision) && dossier is { DecisionNumber: { } number, DecisionDate: { } signed })
        {
            await numbers.EnsureFreeAsync(dossier.UnitPath, number, signed, dossier.DecisionBatchId, dossier.Id, cancellationToken);
        }
        await recognitions.RecordAsync(dossier, unit, cancellationToken);
        await notifier.NotifyMoveAsync(dossier, definition, unit.Name, taken.Title, actor, now, cancellationToken);
        return state;
    }
}
