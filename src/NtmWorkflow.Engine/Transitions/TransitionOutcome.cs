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

    /// <summary>The gates that refused the move (posting, documents, criteria, reviews, conditions, revocation).</summary>
    public IReadOnlyList<string> FailedGates { get; init; } = [];

    /// <summary>
    /// Short, stable names of why the move was refused, for counting: each gate that failed, else <c>vote</c> for a vote
    /// below quorum or threshold, else the kind of refusal (<c>not-available</c>, <c>wrong-role</c>, <c>missing-field</c>, <c>invalid-field</c>).
    /// </summary>
    public IReadOnlyList<string> Reasons => Refusal switch
    {
        null => [],
        _ when FailedGates.Count > 0 => FailedGates,
        Transitions.Refusal.RuleNotMet when Field == "vote" => ["vote"],
        Transitions.Refusal.NotAvailableInStage => ["not-available"],
        Transitions.Refusal.WrongRole => ["wrong-role"],
        Transitions.Refusal.MissingField => ["missing-field"],
        Transitions.Refusal.InvalidField => ["invalid-field"],
        _ => ["rule"],
    };

    public static TransitionOutcome Move(string to) => new(to, null, null, null, []);

    public static TransitionOutcome Refuse(Refusal refusal, string message, string? field = null) =>
        new(null, refusal, field, message, []);
}
