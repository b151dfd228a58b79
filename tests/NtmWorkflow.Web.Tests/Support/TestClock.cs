using System.Diagnostics;
using System.Globalization;

namespace NtmWorkflow.Web.Tests.Support;

/// <summary>
/// A clock the tests set: deadlines are computed from it to the minute. A ticking clock also runs on from the time
/// it was set, as the scheduler needs to see time pass; a still one stays exactly where it was put.
/// </summary>
public sealed class TestClock(DateTimeOffset now, bool ticking = false) : TimeProvider
{
    private Anchor anchor = new(now, Stopwatch.GetTimestamp());

    public DateTimeOffset Now
    {
        get
        {
            var current = Volatile.Read(ref anchor);
            return ticking ? current.At + Stopwatch.GetElapsedTime(current.SetAt) : current.At;
        }
        set => Volatile.Write(ref anchor, new Anchor(value, Stopwatch.GetTimestamp()));
    }

    public override DateTimeOffset GetUtcNow() => Now;

    /// <summary>The day it is in Vietnam, which dates of decisions and ceremonies are held against.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Now.ToOffset(TimeSpan.FromHours(7)).DateTime);

    /// <summary><see cref="Today"/> as the API writes dates.</summary>
    public string TodayText => Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record Anchor(DateTimeOffset At, long SetAt);
}
