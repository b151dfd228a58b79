namespace NtmWorkflow.Web.Domain;

/// <summary>
/// A commune planned to reach a level in a year: registered by the province (confirmed at once) or proposed by the
/// commune for itself and confirmed by the province. Planned against achieved is counted from confirmed plans and the
/// recognitions that stand for the same commune, level and year.
/// </summary>
public sealed class AnnualPlan
{
    public const string Proposed = "proposed";
    public const string Confirmed = "confirmed";
    public const string Withdrawn = "withdrawn";

    public static readonly IReadOnlyList<string> Statuses = [Proposed, Confirmed, Withdrawn];

    private AnnualPlan()
    {
    }

    public AnnualPlan(AdministrativeUnit unit, int year, string level, string? note, string proposedBy, DateTime at, bool confirmed)
    {
        Id = Guid.CreateVersion7();
        UnitCode = unit.Code;
        UnitPath = unit.Path;
        Year = year;
        Level = level;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        (ProposedBy, ProposedAt) = (proposedBy, at);
        Status = Proposed;
        if (confirmed)
        {
            Confirm(proposedBy, at);
        }
    }

    public Guid Id { get; private set; }

    public string UnitCode { get; private set; } = "";

    public string UnitPath { get; private set; } = "";

    public int Year { get; private set; }

    public string Level { get; private set; } = "";

    public string Status { get; private set; } = "";

    public string? Note { get; private set; }

    public string ProposedBy { get; private set; } = "";

    public DateTime ProposedAt { get; private set; }

    public string? DecidedBy { get; private set; }

    public DateTime? DecidedAt { get; private set; }

    public int Version { get; private set; }

    public void Confirm(string by, DateTime at) => Decide(Confirmed, by, at);

    public void Withdraw(string by, DateTime at) => Decide(Withdrawn, by, at);

    private void Decide(string status, string by, DateTime at)
    {
        (Status, DecidedBy, DecidedAt) = (status, by, at);
        Version++;
    }
}
