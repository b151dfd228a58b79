using NtmWorkflow.Engine;
using NtmWorkflow.Engine.Definitions;
using NtmWorkflow.Engine.Transitions;

namespace NtmWorkflow.Web.Features.Decisions;

/// <summary>
/// Where a recognition is decided, read from the definition alone: the stage action that records a decision and does
/// not end in rejection (sign-decision, record-decision…). Revocations are signed one by one, so only recognition
/// procedures take part in batch decisions.
/// </summary>
internal static class DecisionStages
{
    /// <summary>The action by which one of <paramref name="roles"/> records the recognition decision at <paramref name="stage"/>; null elsewhere.</summary>
    public static ActionDefinition? DecisionAction(WorkflowDefinition definition, string stage, IReadOnlyCollection<string> roles) =>
        definition.Purpose == Purposes.Recognition && definition.Stages.TryGetValue(stage, out var current)
            ? current.Actions.Values.FirstOrDefault(a => a.Requires.Contains(RequiredField.Decision) && roles.Contains(a.Actor)
                && definition.StatusOf(a.To) != DossierStatuses.Rejected)
            : null;

    /// <summary>
    /// The paper the signed file is filed as: the first paper type the action requires (every shipped definition names
    /// one, quyet-dinh); null when it requires none, and the file is then kept on the batch alone.
    /// </summary>
    public static string? PaperType(ActionDefinition action) => action.Documents.FirstOrDefault();

    /// <summary>The roles that sign recognition decisions in any of the definitions.</summary>
    public static IReadOnlySet<string> Signers(IEnumerable<WorkflowDefinition> definitions) => definitions
        .Where(d => d.Purpose == Purposes.Recognition)
        .SelectMany(d => d.Stages.Values.SelectMany(s => s.Actions.Values))
        .Where(a => a.Requires.Contains(RequiredField.Decision))
        .Select(a => a.Actor)
        .ToHashSet();
}
