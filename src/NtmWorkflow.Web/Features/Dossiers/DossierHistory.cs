using NtmWorkflow.Engine.Calendar;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;

namespace NtmWorkflow.Web.Features.Dossiers;

/// <summary>
/// What the procedure report reads from the dossiers' timelines, as filters: the report counts with them and the
/// dossier list filters with them, so a figure and the list behind its link always agree.
/// </summary>
internal static class DossierHistory
{
    /// <summary>
    /// The events that moved a dossier from one stage to another (or created it): an upload or a decision's correction
    /// is recorded on the timeline with the stage unchanged, and neither ends a stay nor sets a deadline.
    /// </summary>
    public static IQueryable<DossierEvent> Moves(this AppDbContext db) =>
        db.DossierEvents.Where(e => e.FromStage == null || e.FromStage != e.ToStage);

    /// <summary>The events of a calendar year in Vietnam; all of them when <paramref name="year"/> is null.</summary>
    public static IQueryable<DossierEvent> During(this IQueryable<DossierEvent> events, int? year)
    {
        if (year is not { } value)
        {
            return events;
        }
        var (from, to) = YearSpan(value);
        return events.Where(e => e.At >= from && e.At < to);
    }

    /// <summary>The instants (UTC) a calendar year in Vietnam starts and the next one starts.</summary>
    public static (DateTime From, DateTime To) YearSpan(int year) =>
        (WorkingCalendar.ToUtc(new DateOnly(year, 1, 1), TimeOnly.MinValue), WorkingCalendar.ToUtc(new DateOnly(year + 1, 1, 1), TimeOnly.MinValue));

    /// <summary>The dossiers that moved out of <paramref name="stage"/> during the year.</summary>
    public static IQueryable<Dossier> LeftStage(this IQueryable<Dossier> dossiers, AppDbContext db, string stage, int? year)
    {
        var left = db.Moves().During(year).Where(e => e.FromStage == stage);
        return dossiers.Where(d => left.Any(e => e.DossierId == d.Id));
    }

    /// <summary>The dossiers whose decision (recognition or revocation, with its number) was recorded during the year.</summary>
    public static IQueryable<Dossier> Decided(this IQueryable<Dossier> dossiers, AppDbContext db, int? year)
    {
        var decisions = Decisions(db, year);
        return dossiers.Where(d => decisions.Any(e => e.DossierId == d.Id));
    }

    /// <summary>
    /// Of the dossiers decided during the year, those decided late (<paramref name="late"/>) or within the legal time:
    /// late when any stay with a deadline before the decision ended after that deadline. Each stay's deadline is the
    /// one the move into it recorded (a stay resumed after a return for supplement carries the time that was left), and
    /// the stay ends with the next move.
    /// </summary>
    public static IQueryable<Dossier> DecidedLate(this IQueryable<Dossier> dossiers, AppDbContext db, int? year, bool late)
    {
        var moves = db.Moves();
        var decisions = Decisions(db, year);
        var lateOnes = moves
            .Where(e => e.DueAt != null
                && decisions.Any(x => x.DossierId == e.DossierId && x.Sequence > e.Sequence)
                && moves.Where(n => n.DossierId == e.DossierId && n.Sequence > e.Sequence)
                    .OrderBy(n => n.Sequence).Select(n => (DateTime?)n.At).FirstOrDefault() > e.DueAt)
            .Select(e => e.DossierId);
        var decided = dossiers.Decided(db, year);
        return late ? decided.Where(d => lateOnes.Contains(d.Id)) : decided.Where(d => !lateOnes.Contains(d.Id));
    }

    private static IQueryable<DossierEvent> Decisions(AppDbContext db, int? year) =>
        db.Moves().During(year).Where(e => e.DecisionNumber != null);
}
