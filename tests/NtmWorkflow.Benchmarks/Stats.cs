using System.Collections.Concurrent;
using System.Diagnostics;

namespace NtmWorkflow.Benchmarks;

/// <summary>How long one kind of request took within a measure.</summary>
public sealed record KindLatency(string Kind, int Requests, double P50, double P95);

/// <summary>Latencies of one measure, each labelled with its kind of request, and their percentiles.</summary>
public sealed class Latencies
{
    private readonly ConcurrentBag<(string Kind, double Milliseconds)> samples = [];

    public int Count => samples.Count;

    public async Task<T> TimeAsync<T>(Func<Task<T>> call, string kind = "")
    {
        var started = Stopwatch.GetTimestamp();
        var result = await call();
        samples.Add((kind, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
        return result;
    }

    public double Percentile(double p) => Percentile(samples.Select(s => s.Milliseconds), p);

    public IReadOnlyList<KindLatency> ByKind() =>
        samples.GroupBy(s => s.Kind)
            .Select(g => new KindLatency(g.Key, g.Count(), Percentile(g.Select(s => s.Milliseconds), 50), Percentile(g.Select(s => s.Milliseconds), 95)))
            .OrderByDescending(k => k.Requests).ThenBy(k => k.Kind)
            .ToList();

    private static double Percentile(IEnumerable<double> milliseconds, double p)
    {
        var sorted = milliseconds.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
