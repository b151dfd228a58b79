using System.Globalization;

namespace NtmWorkflow.Benchmarks;

/// <summary>One request's p50 on a dossier with an empty criteria history and with a long one.</summary>
public sealed record HistoryRow(string Request, int Requests, double EmptyP50, double LongP50)
{
    public double Ratio => LongP50 / EmptyP50;
}

public sealed record HistoryResult(int Entries, IReadOnlyList<HistoryRow> Rows);

/// <summary>
/// Issue 17's history cost: on one commune's dossier, a criterion PUT, the dossier page (GET /api/dossiers/{id}) and its
/// criteria (GET …/criteria) are timed with no history, then again after <see cref="Entries"/> self-assessments of the
/// measured criterion made through the API. What the requests read by key should not grow with the history.
/// </summary>
public static class HistoryMeasure
{
    public const int Entries = 1_000;

    public const string Unit = "bench-history.xa-0";

    public const string Officer = "bench.history";

    private const int Criterion = 1;

    /// <summary>Untimed rounds first: enough for the JIT's second tier, so the first phase does not pay for compiling.</summary>
    private const int WarmUp = 100;

    public static async Task<HistoryResult> RunAsync(BenchHost host, int requests)
    {
        var officer = await Api.SignInAsync(host.BaseAddress, Officer);
        var dossier = (await officer.SendAsync(HttpMethod.Post, "/api/dossiers", new { unitCode = Unit, level = "ntm", year = 2025 }))
            .GetProperty("id").GetGuid();
        var made = 0;
        Task Assess(Api api, int criterion) => api.SendAsync(HttpMethod.Put, $"/api/dossiers/{dossier}/criteria/{criterion}",
            new { met = ++made % 2 == 0, explanation = string.Create(CultureInfo.InvariantCulture, $"Tự đánh giá lần {made}") });
        var empty = await SampleAsync(officer, dossier, requests, Assess);
        while (made < Entries)
        {
            await Assess(officer, Criterion);
        }
        var full = await SampleAsync(officer, dossier, requests, Assess);
        return new HistoryResult(made, empty.Select(e => e with { LongP50 = full.Single(f => f.Request == e.Request).EmptyP50 }).ToList());
    }

    /// <summary>
    /// The three requests in turn, after untimed rounds that warm the code paths up; the warm-up's PUTs judge another
    /// criterion, so the measured one's history stays as the phase found it. The timed PUTs add to its history too.
    /// </summary>
    private static async Task<List<HistoryRow>> SampleAsync(Api officer, Guid dossier, int requests, Func<Api, int, Task> assess)
    {
        var latencies = new Latencies();
        for (var i = 0; i < requests + WarmUp; i++)
        {
            var timed = i >= WarmUp ? latencies : new Latencies();
            await timed.TimeAsync(async () => { await assess(officer, i >= WarmUp ? Criterion : Criterion + 1); return 0; }, "PUT /api/dossiers/{id}/criteria/{number}");
            await timed.TimeAsync(() => officer.GetAsync($"/api/dossiers/{dossier}"), "GET /api/dossiers/{id}");
            await timed.TimeAsync(() => officer.GetAsync($"/api/dossiers/{dossier}/criteria"), "GET /api/dossiers/{id}/criteria");
        }
        return latencies.ByKind().Select(k => new HistoryRow(k.Kind, k.Requests, k.P50, 0)).ToList();
    }
}
