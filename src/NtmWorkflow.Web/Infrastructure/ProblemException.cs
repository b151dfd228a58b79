namespace NtmWorkflow.Web.Infrastructure;

/// <summary>
/// A request the system refuses for a reason the caller can act on. The exception handler turns it into a
/// ProblemDetails with the Vietnamese detail; <see cref="Field"/> names the offending input for 400s.
/// </summary>
public sealed class ProblemException(int status, string detail, string? field = null) : Exception(detail)
{
    public int Status { get; } = status;

    public string? Field { get; } = field;

    /// <summary>Extra members of the ProblemDetails, for a client that acts on them (the blocking criteria).</summary>
    public Dictionary<string, object?> Extensions { get; } = [];

    /// <summary>Why a workflow move was refused, as counted by the metrics (<see cref="Engine.Transitions.TransitionOutcome.Reasons"/>); not sent to the caller.</summary>
    public IReadOnlyList<string> RefusalReasons { get; private set; } = [];

    /// <summary>When the caller may try again (429, 503): sent as the Retry-After header.</summary>
    public TimeSpan? RetryAfter { get; private init; }

    public ProblemException With(string name, object? value)
    {
        Extensions[name] = value;
        return this;
    }

    public ProblemException RefusedBecause(IReadOnlyList<string> reasons)
    {
        RefusalReasons = reasons;
        return this;
    }

    public static ProblemException BadRequest(string field, string detail) => new(StatusCodes.Status400BadRequest, detail, field);

    public static ProblemException Forbidden(string detail) => new(StatusCodes.Status403Forbidden, detail);

    /// <summary>The dossier lies outside the caller's unit subtree.</summary>
    public static ProblemException OutOfScope() => Forbidden("Hồ sơ này không thuộc phạm vi đơn vị của bạn.");

    public static ProblemException NotFound(string detail) => new(StatusCodes.Status404NotFound, detail);

    public static ProblemException Conflict(string detail) => new(StatusCodes.Status409Conflict, detail);

    public static ProblemException Unauthorized(string detail) => new(StatusCodes.Status401Unauthorized, detail);

    public static ProblemException TooManyRequests(string detail, TimeSpan retryAfter) =>
        new(StatusCodes.Status429TooManyRequests, detail) { RetryAfter = retryAfter };
}
