namespace NtmWorkflow.Engine.Definitions;

/// <summary>
/// When the acting role of a timed stage is reminded of its limit, and who is told when it is badly overdue.
/// Offsets count working days, whatever the limit's own unit, so no reminder lands on a weekend or a holiday.
/// </summary>
/// <param name="Before">Working days before the last day of the limit, one reminder each.</param>
/// <param name="OnDue">A reminder on the last day itself.</param>
/// <param name="OverdueEvery">Once the limit has passed, a reminder every this many working days.</param>
/// <param name="Escalation">The supervising tier told once, after so many overdue working days.</param>
/// <param name="Digest">
/// The reminders reach each official as one daily summary (how many dossiers are before, on or past their limit,
/// and how many were escalated to them) instead of one notice per dossier.
/// </param>
public sealed record ReminderPolicy(IReadOnlyList<int> Before, bool OnDue, int? OverdueEvery, Escalation? Escalation, bool Digest = false)
{
    public const int DefaultBefore = 3;
    public const int DefaultOverdueEvery = 1;
    public const int DefaultEscalationAfter = 5;

    /// <summary>What a timed stage gets when its definition says nothing: 3 days before, on the day, every day overdue.</summary>
    public static ReminderPolicy Default(string actor) =>
        new([DefaultBefore], true, DefaultOverdueEvery,
            Supervisor(actor) is { } supervisor ? new Escalation(DefaultEscalationAfter, supervisor) : null);

    /// <summary>The tier above a role, told when that role's stage is overdue; null at the top.</summary>
    public static string? Supervisor(string role) => role switch
    {
        Roles.CommuneOfficer => Roles.DistrictReviewer,
        Roles.DistrictReviewer => Roles.ProvinceAppraiser,
        Roles.ProvinceAppraiser => Roles.ProvinceLeader,
        _ => null,
    };
}

/// <summary>The role told, once, when a stage has been overdue for <see cref="AfterOverdue"/> working days.</summary>
public sealed record Escalation(int AfterOverdue, string To);
