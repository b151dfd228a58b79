using System.Diagnostics;

namespace NtmWorkflow.Benchmarks;

/// <summary>The application's clock during a run: real time, plus the days the harness skips (public postings).</summary>
public sealed class BenchClock : TimeProvider
{
    private readonly DateTimeOffset start = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
    private readonly long started = Stopwatch.GetTimestamp();
    private long skippedTicks;

    public override DateTimeOffset GetUtcNow() => start + Stopwatch.GetElapsedTime(started) + TimeSpan.FromTicks(Interlocked.Read(ref skippedTicks));

    public void Skip(TimeSpan span) => Interlocked.Add(ref skippedTicks, span.Ticks);
}
