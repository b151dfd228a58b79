namespace NtmWorkflow.Web.Domain;

/// <summary>Who is acting: the signed-in official, or the system itself for scheduled work.</summary>
public sealed record Actor(string UserName, IReadOnlyList<string> Roles, string UnitCode, string UnitPath)
{
    /// <summary>The signed-in user's id; null for the system acting on its own schedule.</summary>
    public string? UserId { get; init; }

    public bool CanSee(string unitPath) => unitPath.StartsWith(UnitPath, StringComparison.Ordinal);
}
