using NtmWorkflow.Engine.Criteria;

namespace NtmWorkflow.Engine.Transitions;

/// <summary>Why a move was refused; each kind maps to one kind of answer to the caller.</summary>
public enum Refusal
{
    /// <summary>The action does not exist in the dossier's current stage (a conflict with the state).</summary>
    NotAvailableInStage,

    /// <summary>The action exists but the caller's role may not take it.</summary>
    WrongRole,

    /// <summary>A field the action requires is missing or blank.</summary>
    MissingField,

    /// <summary>A supplied field is inconsistent in itself (more agreeing than present).</summary>
    InvalidField,

    /// <summary>The input is valid but a rule of the procedure says no (vote below threshold).</summary>
    RuleNotMet,
}

/// <summary>The engine's answer to "may this role take this action now, with this input?".</summary>
/// <param name="Blocking">The criteria that stop the move, when a criteria check refused it.</param>
public sealed record TransitionOutcome(string? To, Refusal? Refusal, string? Field, string? Message, IReadOnlyList<Criterion> Blocking)
{
    public bool Allowed => Refusal is null;

    public static TransitionOutcome Move(string to) => new(to, null, null, null, []);

    public static TransitionOutcome Refuse(Refusal refusal, string message, string? field = null) =>
        new(null, refusal, field, message, []);
}
