using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace NtmWorkflow.Benchmarks;

/// <summary>
/// Whole commune procedures over HTTP, every request an action a person would take: create, self-assess 19 criteria
/// and the conditions, upload each required paper, and every move from public comment to the ceremony. The two
/// 15-day public postings are skipped on the application's clock between phases, outside the timed part.
/// </summary>
public static class Transitions
{
    public sealed record Result(
        int Clients, int Procedures, int Actions, double Seconds, double ActionsPerSecond, double P50, double P95, double P99,
        IReadOnlyList<KindLatency> ByKind, double CpuMillisecondsPerAction = 0, double AllocatedKilobytesPerAction = 0);

    private static readonly object Vote = new { members = 20, present = 20, agree = 20 };

    /// <param name="minimal">Ask for minimal answers to writes (Prefer: return=minimal), as a client that only needs the
    /// version does; otherwise read the whole view each write answers with by default.</param>
    public static async Task<Result> RunAsync(BenchHost host, string district, int firstCommune, int clients, int perClient, bool minimal)
    {
        var reviewer = await Api.SignInAsync(host.BaseAddress, "bench.huyen");
        var appraiser = await Api.SignInAsync(host.BaseAddress, "tinh.dongthap.thamdinh");
        var leader = await Api.SignInAsync(host.BaseAddress, "tinh.dongthap.lanhdao");
        var latencies = new Latencies();
        var procedures = Enumerable.Range(0, clients * perClient).Select(i => new Procedure($"{district}.xa-{firstCommune + i}")).ToList();
        for (var i = 0; i < procedures.Count; i++)
        {
            procedures[i].Officer = await Api.SignInAsync(host.BaseAddress, Officer(firstCommune + i));
        }
        var timed = TimeSpan.Zero;
        // The process's CPU time over the timed phases (client and server together): steadier than latency when the
        // machine is shared with other work.
        var cpu = TimeSpan.Zero;
        var allocated = 0L;

        async Task Phase(Func<Procedure, Task> step)
        {
            var started = Stopwatch.GetTimestamp();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var allocatedBefore = GC.GetTotalAllocatedBytes();
            await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
            {
                foreach (var procedure in procedures.Skip(c * perClient).Take(perClient))
                {
                    await step(procedure);
                }
            })));
            timed += Stopwatch.GetElapsedTime(started);
            cpu += Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            allocated += GC.GetTotalAllocatedBytes() - allocatedBefore;
        }

        async Task Act(Procedure p, Api api, string action, object? body = null) =>
            p.Version = await latencies.TimeAsync(() => api.WriteAsync(HttpMethod.Post, $"/api/dossiers/{p.Id}/actions/{action}",
                Merge(body, p.Version), minimal, "version"), "move");

        async Task Upload(Procedure p, Api api, params string[] types)
        {
            foreach (var type in types)
            {
                await latencies.TimeAsync(() => api.UploadAsync(p.Id, type), "upload");
                p.Version++;
            }
        }

        await Phase(async p =>
        {
            var created = await latencies.TimeAsync(() => p.Officer.SendAsync(HttpMethod.Post, "/api/dossiers", new { unitCode = p.Unit, level = "ntm", year = 2025 }), "create");
            p.Id = Guid.Parse(created.GetProperty("id").GetString()!);
            p.Version = await latencies.TimeAsync(() => p.Officer.WriteAsync(HttpMethod.Put, $"/api/dossiers/{p.Id}/conditions",
                new { satisfactionPercent = 95, constructionDebtVnd = 0, securityStable = true }, minimal, "dossierVersion"), "conditions");
            for (var number = 1; number <= created.GetProperty("criteria").GetProperty("total").GetInt32(); number++)
            {
                p.Version = await latencies.TimeAsync(() => p.Officer.WriteAsync(HttpMethod.Put, $"/api/dossiers/{p.Id}/criteria/{number}",
                    new { met = true }, minimal, "dossierVersion"), "criterion");
            }
            await Upload(p, p.Officer, "bao-cao-ket-qua");
            await Act(p, p.Officer, "open-public-comment");
        });
        host.Clock.Skip(TimeSpan.FromDays(16));
        await Phase(async p =>
        {
            await Upload(p, p.Officer, "to-trinh-xa", "bao-cao-tong-hop-y-kien", "bien-ban-hop-xa");
            await Act(p, p.Officer, "submit-to-district", new { vote = Vote });
            await Upload(p, reviewer, "bao-cao-tham-tra");
            await Act(p, reviewer, "approve");
        });
        host.Clock.Skip(TimeSpan.FromDays(16));
        // The decision and the ceremony are dated on the application's day: neither may be dated after it. Each decision
        // has its own number: a province refuses a number already used.
        var today = host.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await Phase(async p =>
        {
            await Upload(p, reviewer, "to-trinh-huyen", "bien-ban-hop-huyen");
            await Act(p, reviewer, "submit-to-province", new { vote = Vote });
            await Upload(p, appraiser, "bao-cao-tham-dinh");
            await Act(p, appraiser, "send-to-council");
            await Upload(p, appraiser, "bien-ban-hoi-dong");
            await Act(p, appraiser, "recommend", new { vote = Vote });
            await Upload(p, leader, "quyet-dinh");
            await Act(p, leader, "sign-decision", new { decision = new { number = $"{p.Unit}/QĐ", date = today, signer = "Chủ tịch" } });
            await Upload(p, reviewer, "bien-ban-le-cong-bo");
            await Act(p, reviewer, "hold-ceremony", new { ceremony = new { date = today, place = "Hội trường" } });
        });
        return new Result(clients, procedures.Count, latencies.Count, timed.TotalSeconds, latencies.Count / timed.TotalSeconds,
            latencies.Percentile(50), latencies.Percentile(95), latencies.Percentile(99), latencies.ByKind(),
            cpu.TotalMilliseconds / latencies.Count, allocated / 1024.0 / latencies.Count);
    }

    /// <summary>The officer of the flow's commune number <paramref name="commune"/>.</summary>
    public static string Officer(int commune) => string.Create(CultureInfo.InvariantCulture, $"bench.xa-{commune}");

    private static Dictionary<string, object?> Merge(object? body, int version)
    {
        var merged = body is null ? [] : JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(body))!;
        merged["expectedVersion"] = version;
        return merged;
    }

    private sealed class Procedure(string unit)
    {
        public string Unit { get; } = unit;

        public Guid Id { get; set; }

        public int Version { get; set; }

        public Api Officer { get; set; } = null!;
    }
}
