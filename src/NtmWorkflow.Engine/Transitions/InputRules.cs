using NtmWorkflow.Engine.Definitions;

namespace NtmWorkflow.Engine.Transitions;

/// <summary>The checks on what accompanies an action: required fields, a coherent vote, the vote threshold.</summary>
internal static class InputRules
{
    public static TransitionOutcome? Check(ActionDefinition action, ActionInput input) =>
        MissingField(action, input)
        ?? IncoherentVote(input.Vote)
        ?? VoteBelowThreshold(action, input.Vote);

    private static TransitionOutcome? MissingField(ActionDefinition action, ActionInput input)
    {
        if (action.Requires.Contains(RequiredField.Comment) && string.IsNullOrWhiteSpace(input.Comment))
        {
            return Missing("comment", $"'{action.Title}' cần ghi rõ lý do hoặc ý kiến (comment).");
        }
        if (action.Requires.Contains(RequiredField.Vote) && input.Vote is null)
        {
            return Missing("vote", $"'{action.Title}' cần kết quả biểu quyết (vote: members, present, agree).");
        }
        if (action.Requires.Contains(RequiredField.Decision)
            && (input.Decision is null || string.IsNullOrWhiteSpace(input.Decision.Number) || string.IsNullOrWhiteSpace(input.Decision.Signer)))
        {
            return Missing("decision", $"'{action.Title}' cần số quyết định, ngày ký và người ký (decision: number, date, signer).");
        }
        if (action.Requires.Contains(RequiredField.Ceremony) && (input.Ceremony is null || string.IsNullOrWhiteSpace(input.Ceremony.Place)))
        {
            return Missing("ceremony", $"'{action.Title}' cần ngày và địa điểm tổ chức lễ công bố (ceremony: date, place).");
        }
        return null;
    }

    private static TransitionOutcome Missing(string field, string message) =>
        TransitionOutcome.Refuse(Refusal.MissingField, message, field);

    private static TransitionOutcome? IncoherentVote(Vote? vote) =>
        vote?.Problem() is { } problem ? TransitionOutcome.Refuse(Refusal.InvalidField, problem, "vote") : null;

    private static TransitionOutcome? VoteBelowThreshold(ActionDefinition action, Vote? vote)
    {
        if (action.Vote is not { } rule || vote is null)
        {
            return null;
        }
        if (!rule.IsQuorate(vote))
        {
            return TransitionOutcome.Refuse(Refusal.RuleNotMet,
                $"Chỉ {vote.Present}/{vote.Members} thành viên có mặt, chưa đủ túc số ({Wording(rule.Quorum)} {rule.QuorumPercent}% "
                + $"tổng số thành viên): không thể thực hiện '{action.Title}'.",
                "vote");
        }
        if (rule.Carries(vote))
        {
            return null;
        }
        var percent = vote.Present == 0 ? 0 : Math.Round(vote.Agree * 100m / vote.Present, 1);
        return TransitionOutcome.Refuse(Refusal.RuleNotMet,
            $"Tỷ lệ đồng ý {percent}% số thành viên có mặt chưa đạt ngưỡng ({Wording(rule.Agree)} {rule.MinAgreePercent}%): "
            + $"không thể thực hiện '{action.Title}'.",
            "vote");
    }

    private static string Wording(Comparison comparison) => comparison == Comparison.AtLeast ? "ít nhất" : "hơn";
}
