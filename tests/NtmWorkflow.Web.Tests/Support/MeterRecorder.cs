using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using NtmWorkflow.Web.Infrastructure.Telemetry;

namespace NtmWorkflow.Web.Tests.Support;

/// <summary>
/// What the app's own meter records while the recorder lives. Only instruments made by this app's IMeterFactory are
/// heard, so test classes running in parallel in the same process never add to the sums.
/// </summary>
public sealed class MeterRecorder : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, string?> Tags)> measurements = [];

    public MeterRecorder(NtmApp app)
    {
        var factory = app.Services.GetRequiredService<IMeterFactory>();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == AppMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.Start();
    }

    /// <summary>The sum of the measurements of <paramref name="instrument"/> carrying every given tag.</summary>
    public double Sum(string instrument, params (string Key, string Value)[] tags) => Matching(instrument, tags).Sum(m => m.Value);

    /// <summary>How many measurements of <paramref name="instrument"/> carry every given tag (a histogram's count).</summary>
    public int Count(string instrument, params (string Key, string Value)[] tags) => Matching(instrument, tags).Count();

    public void Dispose() => listener.Dispose();

    private IEnumerable<(string Instrument, double Value, Dictionary<string, string?> Tags)> Matching(string instrument, (string Key, string Value)[] tags) =>
        measurements.Where(m => m.Instrument == instrument && tags.All(t => m.Tags.GetValueOrDefault(t.Key) == t.Value));

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, string?>();
        foreach (var (key, tagValue) in tags)
        {
            copy[key] = tagValue?.ToString();
        }
        measurements.Enqueue((instrument.Name, value, copy));
    }
}
