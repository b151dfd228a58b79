using NtmWorkflow.Engine.Calendar;
using NtmWorkflow.Engine.Criteria;
using NtmWorkflow.Engine.Definitions;

namespace NtmWorkflow.Engine.Transitions;

/// <summary>What is known of the dossier for an action's checks: the criteria not met and the conditions failing.</summary>
/// <param name="Disputed">The criteria the current stage's reviewer disagrees with.</param>
/// <param name="Revocation">The fresh assessment judged by the revocation rule, for revocation procedures.</param>
/// <param name="Documents">The document types the dossier holds at least one version of.</param>
/// <param name="PostingUntil">The last day of a public posting still running; null once it has ended.</param>
public sealed record GateFacts(
    IReadOnlyList<Criterion> Unmet, IReadOnlyList<string> FailingConditions, IReadOnlyList<Criterion> Disputed,
    RevocationAssessment? Revocation = null, IReadOnlySet<string>? Documents = null, DateOnly? PostingUntil = null)
{
    public static readonly GateFacts None = new([], [], []);
}

/// <summary>Refuses a move that cannot succeed, naming exactly what blocks it.</summary>
internal static class Gates
{
    public static TransitionOutcome? Check(WorkflowDefinition definition, ActionDefinition action, GateFacts facts)
    {
        var problems = new List<string>();
        var failed = new List<string>();
        if (action.Checks.Contains(GateCheck.Posting) && facts.PostingUntil is { } until)
        {
            problems.Add($"Chưa hết thời gian niêm yết công khai (đến hết ngày {DayText.Of(until)}); " +
                $"có thể thực hiện từ ngày {DayText.Of(until.AddDays(1))}.");
            failed.Add("posting");
        }
        var missing = MissingDocuments(definition, action, facts);
        if (missing.Count > 0)
        {
            problems.Add("Còn thiếu tài liệu: " + string.Join("; ", missing.Select(d => d.Title)) + ".");
            failed.Add("documents");
        }
        var unmet = action.Checks.Contains(GateCheck.Criteria) ? facts.Unmet : [];
        if (unmet.Count > 0)
        {
            problems.Add("Các tiêu chí chưa đạt: " + List(unmet) + ".");
            failed.Add("criteria");
        }
        var disputed = action.Checks.Contains(GateCheck.Reviews) ? facts.Disputed : [];
        if (disputed.Count > 0)
        {
            problems.Add("Các tiêu chí còn ý kiến không thống nhất: " + List(disputed) + ".");
            failed.Add("reviews");
        }
        if (action.Checks.Contains(GateCheck.Conditions) && facts.FailingConditions.Count > 0)
        {
            problems.AddRange(facts.FailingConditions);
            failed.Add("conditions");
        }
        if (action.Checks.Contains(GateCheck.RevocationRule) && RevocationProblem(facts.Revocation) is { } revocationProblem)
        {
            problems.Add(revocationProblem);
            failed.Add("revocation");
        }
        return problems.Count == 0
            ? null
            : new TransitionOutcome(null, Refusal.RuleNotMet, null,
                $"Chưa thể thực hiện '{action.Title}'. " + string.Join(" ", problems), unmet.Concat(disputed).ToList())
            {
                FailedGates = failed,
            };
    }

    private static string? RevocationProblem(RevocationAssessment? revocation) => revocation switch
    {
        null => "Chưa có kết quả đánh giá lại các tiêu chí.",
        { Assessed: var assessed, Total: var total } when assessed < total => $"Còn {total - assessed} tiêu chí chưa được đánh giá lại.",
        { RuleMet: false } => revocation.Reason,
        _ => null,
    };

    /// <summary>The document types the action requires that the dossier does not hold yet.</summary>
    public static IReadOnlyList<DocumentType> MissingDocuments(WorkflowDefinition definition, ActionDefinition action, GateFacts facts) =>
        action.Documents.Where(d => facts.Documents?.Contains(d) != true).Select(d => definition.Documents[d]).ToList();

    private static string List(IEnumerable<Criterion> criteria) => string.Join("; ", criteria.Select(c => $"{c.Number}. {c.Name}"));
}
