using NtmWorkflow.Engine.Calendar;

namespace NtmWorkflow.Web.Features.Reports;

/// <summary>One stay of a dossier at a stage: the move that entered it and the next move, which left it.</summary>
internal sealed record StageStay(Guid DossierId, string Stage, DateTime EnteredAt, DateTime LeftAt);

/// <summary>One move of a dossier, as the report reads it from the timeline.</summary>
internal sealed record StageMove(Guid DossierId, int Sequence, DateTime At, string ToStage);

/// <summary>How long dossiers stayed at each stage, in working days, and the nearest-rank percentiles of those stays.</summary>
internal static class StageStays
{
    /// <summary>Each stay that ended during [<paramref name="from"/>, <paramref name="to"/>): consecutive moves of one dossier.</summary>
    public static IEnumerable<StageStay> Ended(IEnumerable<StageMove> moves, DateTime from, DateTime to) =>
        moves.GroupBy(m => m.DossierId)
            .SelectMany(dossier => dossier.OrderBy(m => m.Sequence).Zip(dossier.OrderBy(m => m.Sequence).Skip(1)))
            .Where(pair => pair.Second.At >= from && pair.Second.At < to)
            .Select(pair => new StageStay(pair.First.DossierId, pair.First.ToStage, pair.First.At, pair.Second.At));

    /// <summary>
    /// Working days after the day the stay began up to and including the day it ended (in Vietnam): entered and left
    /// the same day is 0, the next working day 1. Null when a year it spans has no calendar loaded, so no count is a guess.
    /// </summary>
    public static int? WorkingDays(StageStay stay, WorkingCalendar calendar)
    {
        var entered = WorkingCalendar.ToVietnamDate(stay.EnteredAt);
        var left = WorkingCalendar.ToVietnamDate(stay.LeftAt);
        return calendar.Covers(entered, left) ? calendar.WorkingDaysBetween(entered, left) : null;
    }

    /// <summary>
    /// The nearest-rank percentile: the smallest observation with at least <paramref name="percent"/> % of the
    /// observations at or below it (the value at rank ⌈p/100 × n⌉ in ascending order), always an observed value.
    /// </summary>
    public static int NearestRank(IReadOnlyList<int> ascending, int percent)
    {
        ArgumentOutOfRangeException.ThrowIfZero(ascending.Count);
        var rank = (int)Math.Ceiling(percent / 100m * ascending.Count);
        return ascending[Math.Max(rank, 1) - 1];
    }
}
