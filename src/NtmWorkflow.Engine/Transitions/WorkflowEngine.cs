using NtmWorkflow.Engine.Definitions;

namespace NtmWorkflow.Engine.Transitions;

/// <summary>Decides, from a definition alone, which moves a role may make from a step and with what input.</summary>
public static class WorkflowEngine
{
    public static IReadOnlyList<ActionDefinition> AllowedActions(
        WorkflowDefinition definition, string step, IReadOnlyCollection<string> roles) =>
        definition.Stages.TryGetValue(step, out var stage)
            ? stage.Actions.Values.Where(a => roles.Contains(a.Actor)).ToList()
            : [];

    public static TransitionOutcome Evaluate(
        WorkflowDefinition definition, string step, string actionName, IReadOnlyCollection<string> roles, ActionInput input,
        GateFacts? facts = null)
    {
        if (!definition.Stages.TryGetValue(step, out var stage))
        {
            return TransitionOutcome.Refuse(Refusal.NotAvailableInStage,
                $"Hồ sơ đã kết thúc ({definition.TitleOf(step)}); không thể thực hiện thêm hành động.");
        }
        if (!stage.Actions.TryGetValue(actionName, out var action))
        {
            return TransitionOutcome.Refuse(Refusal.NotAvailableInStage,
                $"Không thể thực hiện hành động '{actionName}' khi hồ sơ đang ở giai đoạn '{stage.Title}'.");
        }
        if (!roles.Contains(action.Actor))
        {
            return TransitionOutcome.Refuse(Refusal.WrongRole,
                $"Chỉ {Roles.VietnameseName(action.Actor)} mới được thực hiện '{action.Title}'.");
        }
        return InputRules.Check(action, input)
            ?? Gates.Check(definition, action, facts ?? GateFacts.None)
            ?? TransitionOutcome.Move(action.To);
    }

    /// <summary>The part of the input the action records: a comment always, the rest only where required.</summary>
    public static ActionInput RelevantInput(ActionDefinition action, ActionInput input) => new(
        input.Comment,
        action.Requires.Contains(RequiredField.Vote) ? input.Vote : null,
        action.Requires.Contains(RequiredField.Decision) ? input.Decision : null,
        action.Requires.Contains(RequiredField.Ceremony) ? input.Ceremony : null);
}
