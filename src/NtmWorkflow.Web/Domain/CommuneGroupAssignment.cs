namespace NtmWorkflow.Web.Domain;

/// <summary>
/// A commune placed in a commune group (nhóm xã) from a date, by a province's decision. Rows are appended and never
/// changed: a correction is a new row, so the table is its own audit trail (who recorded what, when, on which decision).
/// The group in force on a day is the row with the latest <see cref="ValidFrom"/> not after it, the latest recorded
/// among those of one day.
/// </summary>
public sealed class CommuneGroupAssignment
{
    private CommuneGroupAssignment()
    {
    }

    public CommuneGroupAssignment(
        string unitCode, string group, string decisionNumber, DateOnly decisionDate, DateOnly validFrom, string? note, Actor actor, DateTime at)
    {
        UnitCode = unitCode;
        Group = group;
        DecisionNumber = decisionNumber.Trim();
        DecisionDate = decisionDate;
        ValidFrom = validFrom;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        RecordedBy = actor.UserName;
        RecordedAt = at;
    }

    public long Id { get; private set; }

    public string UnitCode { get; private set; } = "";

    /// <summary>The group's code, as the groups file names it (nhom-1…).</summary>
    public string Group { get; private set; } = "";

    /// <summary>The number of the document that placed the commune in the group.</summary>
    public string DecisionNumber { get; private set; } = "";

    public DateOnly DecisionDate { get; private set; }

    public DateOnly ValidFrom { get; private set; }

    public string? Note { get; private set; }

    public string RecordedBy { get; private set; } = "";

    public DateTime RecordedAt { get; private set; }
}
