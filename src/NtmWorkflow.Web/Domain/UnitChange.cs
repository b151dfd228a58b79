namespace NtmWorkflow.Web.Domain;

/// <summary>
/// One change to the administrative tree, by an administrator through the API or by the units file at start-up: the
/// audit trail of the tree, and how start-up knows a reorganisation of the file was applied (<see cref="ChangeId"/>).
/// </summary>
public sealed class UnitChange
{
    /// <summary>The actor recorded for what the units file did.</summary>
    public const string UnitsFile = "units.yaml";

    private UnitChange()
    {
    }

    public UnitChange(string kind, AdministrativeUnit unit, string actor, DateTime at)
    {
        Id = Guid.CreateVersion7(new DateTimeOffset(at, TimeSpan.Zero));
        Kind = kind;
        UnitCode = unit.Code;
        Actor = actor;
        At = at;
    }

    public Guid Id { get; private set; }

    /// <summary>One of <see cref="UnitChangeKinds"/>.</summary>
    public string Kind { get; private set; } = "";

    public string UnitCode { get; private set; } = "";

    public string? FromParentCode { get; init; }

    public string? ToParentCode { get; init; }

    /// <summary>The unit merged into.</summary>
    public string? IntoCode { get; init; }

    public string? OldName { get; init; }

    public string? NewName { get; init; }

    public string? Resolution { get; init; }

    public DateOnly? ResolutionDate { get; init; }

    public DateOnly? EffectiveOn { get; init; }

    /// <summary>The id of the units file's reorganisation this step belongs to; null for an administrator's change.</summary>
    public string? ChangeId { get; init; }

    /// <summary>Why a step of the units file was not applied (the tree already differed), else null.</summary>
    public string? Note { get; init; }

    /// <summary>The administrator's user name, or <see cref="UnitsFile"/>.</summary>
    public string Actor { get; private set; } = "";

    public DateTime At { get; private set; }
}

public static class UnitChangeKinds
{
    public const string Create = "create";
    public const string Rename = "rename";
    public const string Merge = "merge";
    public const string Move = "move";
    public const string Dissolve = "dissolve";
}
