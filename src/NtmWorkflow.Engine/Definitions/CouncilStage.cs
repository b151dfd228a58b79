using NtmWorkflow.Engine.Transitions;

namespace NtmWorkflow.Engine.Definitions;

/// <summary>
/// A stage where a council votes on a dossier, read from a definition rather than named in code: its actor is the
/// role that convenes the council, and it has exactly two actions of that role that require a vote — the carrying
/// one, with a vote rule, leading anywhere but an end of status "rejected" (recommend), and the other one (not
/// recommend). The carrying action names exactly one paper, the council's minutes.
/// </summary>
public sealed record CouncilStage(string Stage, ActionDefinition Carrying, ActionDefinition NotCarrying, string MinutesType)
{
    /// <summary>The council stage of <paramref name="definition"/> convened by <paramref name="role"/> at <paramref name="stage"/>, or null.</summary>
    public static CouncilStage? At(WorkflowDefinition definition, string stage, string role)
    {
        if (!definition.Stages.TryGetValue(stage, out var found) || found.Actor != role)
        {
            return null;
        }
        var voting = found.Actions.Values.Where(a => a.Actor == role && a.Requires.Contains(RequiredField.Vote)).ToList();
        var carrying = voting.Where(a => a.Vote is not null && !Rejects(definition, a.To)).ToList();
        if (voting.Count != 2 || carrying.Count != 1 || carrying[0].Documents.Count != 1)
        {
            return null;
        }
        return new CouncilStage(stage, carrying[0], voting.Single(a => a != carrying[0]), carrying[0].Documents[0]);
    }

    /// <summary>Every council stage of the definition convened by <paramref name="role"/>.</summary>
    public static IReadOnlyList<CouncilStage> All(WorkflowDefinition definition, string role) =>
        definition.Stages.Keys.Select(stage => At(definition, stage, role)).OfType<CouncilStage>().ToList();

    /// <summary>The carrying action's rule.</summary>
    public VoteRule Rule => Carrying.Vote!;

    /// <summary>The action the vote takes the dossier by: the carrying one when the rule's quorum and threshold are met.</summary>
    public ActionDefinition ActionFor(Vote vote) => Rule.IsQuorate(vote) && Rule.Carries(vote) ? Carrying : NotCarrying;

    private static bool Rejects(WorkflowDefinition definition, string to) =>
        definition.Ends.TryGetValue(to, out var end) && end.Status == DossierStatuses.Rejected;
}
