using System.Diagnostics;

namespace NtmWorkflow.Benchmarks;

public sealed record ExportResult(
    string Format, int Rows, long Bytes, double Seconds, double PeakWorkingSetGrowthMegabytes, double PeakGcHeapGrowthMegabytes);

/// <summary>
/// Issue 15's export at scale: every seeded dossier as XLSX and as CSV over HTTP, by the district reviewer whose scope
/// holds them all. The client counts the bytes without keeping them, while the process's working set and managed heap
/// are sampled every 5 ms: if the rows streamed, neither grows with the number of dossiers.
/// </summary>
public static class ExportMeasure
{
    public static async Task<IReadOnlyList<ExportResult>> RunAsync(BenchHost host, int dossiers)
    {
        var reader = await Api.SignInAsync(host.BaseAddress, "bench.doc");
        var results = new List<ExportResult>();
        foreach (var format in new[] { "xlsx", "csv" })
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            using var process = Process.GetCurrentProcess();
            process.Refresh();
            var (baseSet, baseHeap) = (process.WorkingSet64, GC.GetTotalMemory(false));
            var (peakSet, peakHeap) = (baseSet, baseHeap);
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    process.Refresh();
                    peakSet = Math.Max(peakSet, process.WorkingSet64);
                    peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
                    await Task.Delay(5);
                }
            });
            var started = Stopwatch.GetTimestamp();
            var (bytes, lines) = await reader.DownloadAsync($"/api/dossiers/export?format={format}");
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            await sampling.CancelAsync();
            await sampler;
            if (format == "csv" && lines != dossiers + 1)
            {
                throw new InvalidOperationException($"The CSV export has {lines} lines, not a header and {dossiers} dossiers.");
            }
            results.Add(new ExportResult(format, dossiers, bytes, seconds, (peakSet - baseSet) / 1048576.0, (peakHeap - baseHeap) / 1048576.0));
        }
        return results;
    }
}
