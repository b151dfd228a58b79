using NtmWorkflow.Engine.Criteria;
using NtmWorkflow.Engine.Definitions;

namespace NtmWorkflow.Engine.Transitions;

/// <summary>What is known of the dossier for an action's checks: the criteria not met and the conditions failing.</summary>
public sealed record GateFacts(IReadOnlyList<Criterion> Unmet, IReadOnlyList<string> FailingConditions)
{
    public static readonly GateFacts None = new([], []);
}

/// <summary>Refuses a move that cannot succeed, naming exactly what blocks it.</summary>
internal static class Gates
{
    public static TransitionOutcome? Check(ActionDefinition action, GateFacts facts)
    {
        var problems = new List<string>();
        var blocking = action.Checks.Contains(GateCheck.Criteria) ? facts.Unmet : [];
        if (blocking.Count > 0)
        {
            problems.Add("Các tiêu chí chưa đạt: " + string.Join("; ", blocking.Select(c => $"{c.Number}. {c.Name}")) + ".");
        }
        if (action.Checks.Contains(GateCheck.Conditions))
        {
            problems.AddRange(facts.FailingConditions);
        }
        return problems.Count == 0
            ? null
            : new TransitionOutcome(null, Refusal.RuleNotMet, null,
                $"Chưa thể thực hiện '{action.Title}'. " + string.Join(" ", problems), blocking);
    }
}
