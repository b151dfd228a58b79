using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Domain;

/// <summary>
/// One change to the tree (merge, move, dissolve) on units in memory, with its audit row: the same code for an
/// administrator's request, the units file at start-up and the file's check. A refused change throws the
/// <see cref="Infrastructure.ProblemException"/> the unit's rule raises, before anything changed.
/// </summary>
public static class UnitReorganiser
{
    /// <summary>What a change rests on and who made it.</summary>
    /// <param name="ChangeId">The units file's reorganisation the change belongs to; null for an administrator's.</param>
    public sealed record Basis(
        string? Resolution, DateOnly? ResolutionDate, DateOnly? EffectiveOn, string Actor, DateTime At, string? ChangeId = null);

    /// <param name="target">The unit merged into, or the new parent; null for a dissolution.</param>
    /// <param name="tree">Units among which a move finds the unit's subtree (the whole tree, or at least that subtree).</param>
    /// <returns>The audit row, and for a move the unit's path before and after (for <c>MoveRecordsAsync</c>).</returns>
    public static (UnitChange Change, (string From, string To)? Moved) Apply(
        string kind, AdministrativeUnit unit, AdministrativeUnit? target, IEnumerable<AdministrativeUnit> tree, Basis basis)
    {
        if (unit.Kind == UnitKinds.National)
        {
            throw ProblemException.BadRequest("code", $"'{unit.Name}' là gốc của cây đơn vị: không sáp nhập, chuyển hay giải thể được.");
        }
        var fromParent = unit.ParentCode;
        (string From, string To)? moved = null;
        switch (kind)
        {
            case UnitChangeKinds.Merge:
                unit.MergeInto(target!, basis.EffectiveOn!.Value, basis.Resolution, basis.ResolutionDate);
                break;
            case UnitChangeKinds.Move:
                moved = unit.MoveUnder(target!, tree);
                break;
            case UnitChangeKinds.Dissolve:
                unit.Dissolve(basis.EffectiveOn!.Value, basis.Resolution, basis.ResolutionDate);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a reorganisation.");
        }
        return (Row(kind, unit, target, basis, note: null, fromParent), moved);
    }

    /// <summary>The audit row of a units-file step that was not applied because the tree already differed.</summary>
    public static UnitChange Skipped(string kind, AdministrativeUnit unit, AdministrativeUnit? target, Basis basis, string reason) =>
        Row(kind, unit, target, basis, reason, unit.ParentCode);

    private static UnitChange Row(
        string kind, AdministrativeUnit unit, AdministrativeUnit? target, Basis basis, string? note, string? fromParent) =>
        new(kind, unit, basis.Actor, basis.At)
        {
            IntoCode = kind == UnitChangeKinds.Merge ? target?.Code : null,
            FromParentCode = kind == UnitChangeKinds.Move ? fromParent : null,
            ToParentCode = kind == UnitChangeKinds.Move ? target?.Code : null,
            Resolution = basis.Resolution,
            ResolutionDate = basis.ResolutionDate,
            EffectiveOn = basis.EffectiveOn,
            ChangeId = basis.ChangeId,
            Note = note,
        };
}
