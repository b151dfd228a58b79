using System.Diagnostics;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Features.Notifications;

namespace NtmWorkflow.Benchmarks;

public sealed record ReadResult(string Name, int Requests, double P50, double P95);

/// <summary><see cref="Notices"/> counts reminders sent; <see cref="Rows"/> the notice rows written (fewer as a digest).</summary>
public sealed record SweepResult(int OpenStages, int Notices, double Seconds, int Rows);

public sealed record UploadResult(long Bytes, double Seconds, double MegabytesPerSecond, double PeakGrowthMegabytes);

/// <summary>The read, sweep and upload measures, each on what the seeder wrote.</summary>
public static class Measures
{
    public static async Task<IReadOnlyList<ReadResult>> ReadsAsync(BenchHost host, int requests)
    {
        var reader = await Api.SignInAsync(host.BaseAddress, "bench.doc");
        await using var scope = host.Services.CreateAsyncScope();
        var ids = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Dossiers
            .Where(d => d.UnitCode.StartsWith("bench-read.")).OrderBy(d => d.Id).Select(d => d.Id).Take(5000).ToListAsync();
        var random = new Random(7);
        var reads = new (string Name, Func<string> Path)[]
        {
            ("dossier list (page 1 of 20)", () => "/api/dossiers?pageSize=20"),
            ("dossier list, overdue, by due date", () => "/api/dossiers?pageSize=20&overdue=true&sort=due"),
            ("task list (page 1 of 20)", () => "/api/tasks?pageSize=20"),
            ("dossier page", () => $"/api/dossiers/{ids[random.Next(ids.Count)]}"),
            ("dossier timeline", () => $"/api/dossiers/{ids[random.Next(ids.Count)]}/timeline"),
        };
        var results = new List<ReadResult>();
        foreach (var (name, path) in reads)
        {
            var latencies = new Latencies();
            await reader.GetAsync(path());
            for (var i = 0; i < requests; i++)
            {
                await latencies.TimeAsync(() => reader.GetAsync(path()));
            }
            results.Add(new ReadResult(name, requests, latencies.Percentile(50), latencies.Percentile(95)));
        }
        return results;
    }

    /// <summary>
    /// The cheapest requests, sequential over keep-alive HTTP after a warm-up: the anonymous health check and an
    /// official's unread-notice count (authentication, the session check and one indexed count). Their cost is the
    /// fixed price every request pays.
    /// </summary>
    public static async Task<IReadOnlyList<ReadResult>> TrivialAsync(BenchHost host, int requests)
    {
        var official = await Api.SignInAsync(host.BaseAddress, "bench.doc");
        using var anonymous = new HttpClient { BaseAddress = host.BaseAddress };
        var reads = new (string Name, Func<Task> Send)[]
        {
            ("health check (anonymous)", async () => (await anonymous.GetAsync("/health")).EnsureSuccessStatusCode()),
            ("unread-notice count (authenticated trivial read)", () => official.GetAsync("/api/notifications/unread-count")),
        };
        var results = new List<ReadResult>();
        foreach (var (name, send) in reads)
        {
            for (var i = 0; i < 200; i++)
            {
                await send();
            }
            var latencies = new Latencies();
            for (var i = 0; i < requests; i++)
            {
                await latencies.TimeAsync(async () => { await send(); return 0; });
            }
            results.Add(new ReadResult(name, requests, latencies.Percentile(50), latencies.Percentile(95)));
        }
        return results;
    }

    /// <summary>Every seeded stage overdue at once: the sweep finds them, writes their reminders and escalations.</summary>
    public static async Task<SweepResult> SweepAsync(BenchHost host, int openStages)
    {
        host.Clock.Skip(TimeSpan.FromDays(40));
        await using var scope = host.Services.CreateAsyncScope();
        var rows = scope.ServiceProvider.GetRequiredService<AppDbContext>().Notifications;
        var before = await rows.CountAsync();
        var started = Stopwatch.GetTimestamp();
        var notices = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SendReminders.Command());
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return new SweepResult(openStages, notices, seconds, await rows.CountAsync() - before);
    }

    /// <summary>One large document streamed in, with the process's working set sampled every 5 ms meanwhile.</summary>
    public static async Task<UploadResult> UploadAsync(BenchHost host, long bytes)
    {
        var uploader = await Api.SignInAsync(host.BaseAddress, "bench.doc");
        await using var scope = host.Services.CreateAsyncScope();
        var dossier = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Dossiers
            .Where(d => d.UnitCode.StartsWith("bench-read.") && d.Stage == "district-review").Select(d => d.Id).FirstAsync();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var baseline = process.WorkingSet64;
        var peak = baseline;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                await Task.Delay(5);
            }
        });
        var started = Stopwatch.GetTimestamp();
        await uploader.UploadAsync(dossier, "bao-cao-tham-tra", new StreamContent(new PdfLikeStream(bytes), 81920));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        await sampling.CancelAsync();
        await sampler;
        return new UploadResult(bytes, seconds, bytes / 1048576.0 / seconds, (peak - baseline) / 1048576.0);
    }

    /// <summary>Bytes that start like a PDF, generated as they are read: the client holds none of them.</summary>
    private sealed class PdfLikeStream(long length) : Stream
    {
        private static readonly byte[] Header = "%PDF-1.7\n"u8.ToArray();
        private long position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - position);
            for (var i = 0; i < n; i++)
            {
                var at = position + i;
                buffer[offset + i] = at < Header.Length ? Header[at] : (byte)(at % 251);
            }
            position += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
