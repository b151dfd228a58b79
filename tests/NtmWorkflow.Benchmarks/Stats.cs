using System.Collections.Concurrent;
using System.Diagnostics;

namespace NtmWorkflow.Benchmarks;

/// <summary>Latencies of one measure, and their percentiles.</summary>
public sealed class Latencies
{
    private readonly ConcurrentBag<double> milliseconds = [];

    public int Count => milliseconds.Count;

    public async Task<T> TimeAsync<T>(Func<Task<T>> call)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await call();
        milliseconds.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return result;
    }

    public double Percentile(double p)
    {
        var sorted = milliseconds.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
