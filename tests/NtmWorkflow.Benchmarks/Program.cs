using System.Diagnostics;
using System.Globalization;

namespace NtmWorkflow.Benchmarks;

/// <summary>
/// dotnet run -c Release --project tests/NtmWorkflow.Benchmarks -- [--quick] [--postgres CONN] [--out FILE] [--dossiers N] [--import-only] [--export-only] [--sweep-only [--digest]] [--backup-only] [--history-only] [--profile N] [--full-answers]:
/// every measure of issues 7 and 14 in one run, then the report. --dossiers changes how many dossiers the reads and the sweep
/// run over (100,000, or 2,000 with --quick), to see how a cost grows. --import-only times the 5,000-row import alone
/// and prints it, without writing the report; --export-only seeds the dossiers and times their XLSX and CSV export alone, printing
/// time, size and peak memory growth. --sweep-only seeds the dossiers and times the reminder sweep alone (with --digest, as daily digests: every stage's declared
/// reminders end in { digest: true }); --backup-only seeds
/// the dossiers with one paper each and times a backup, a second (incremental) one and a restore into a fresh place; --history-only times the requests of one
/// dossier against its criteria history alone. --profile N runs N
/// procedures at one client alone, after waiting for a line on standard input so that a profiler can attach first
/// (tests/NtmWorkflow.Benchmarks/profile does that). The transitions' client asks for minimal answers to its writes
/// (Prefer: return=minimal); --full-answers reads the whole views instead.
/// </summary>
public static class BenchMain
{
    public static async Task<int> Main(string[] args)
    {
        string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

        var quick = args.Contains("--quick");
        var minimal = !args.Contains("--full-answers");
        var postgres = Option("--postgres");
        var output = Option("--out") ?? (quick ? Path.Combine(Path.GetTempPath(), "ntm-benchmarks", "benchmarks.md") : Path.Combine("docs", "benchmarks.md"));
        var clients = quick ? new[] { 1, 16 } : [1, 16, 64];
        var proceduresPerClient = new Dictionary<int, int> { [1] = quick ? 3 : 20, [16] = quick ? 1 : 4, [64] = 2 };
        var seeded = Option("--dossiers") is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : quick ? 2_000 : 100_000;
        var readRequests = quick ? 30 : 200;
        var uploadBytes = (quick ? 20L : 200L) * 1024 * 1024;
        var ceiling = (Clients: clients.Max(), PerClient: quick ? 20 : 200);

        var started = Stopwatch.GetTimestamp();
        await using var host = new BenchHost(postgres, args.Contains("--digest"));
        Say($"application on {host.BaseAddress} ({host.Database})");
        if (args.Contains("--import-only"))
        {
            Say(Describe(await ImportMeasure.RunAsync(host, ImportRows)));
            return 0;
        }
        var admin = await Api.SignInAsync(host.BaseAddress, "admin");
        var readCommunes = (seeded + 2) / 3;
        var reader = ("bench.doc", "district-reviewer", "bench-read");
        if (args.Contains("--sweep-only"))
        {
            var district = await Seeder.DistrictAsync(host, "bench-read", readCommunes);
            await CreateUserAsync(admin, reader);
            await Seeder.DossiersAsync(host, district, readCommunes, seeded);
            var alone = await Measures.SweepAsync(host, seeded);
            Say(string.Create(CultureInfo.InvariantCulture, $"sweep: {alone.Notices} notices in {alone.Seconds:0.00} s ({alone.Rows} rows written)"));
            return 0;
        }
        if (args.Contains("--backup-only"))
        {
            var district = await Seeder.DistrictAsync(host, "bench-read", readCommunes);
            await Seeder.DossiersAsync(host, district, readCommunes, seeded, Path.Combine(host.Folder, "files", "blobs"));
            var backup = await BackupMeasure.RunAsync(host);
            Say(string.Create(CultureInfo.InvariantCulture,
                $"backup of {backup.Documents} documents ({backup.Bytes / (1024 * 1024)} MB): {backup.BackupSeconds:0.0} s, again (incremental) {backup.IncrementalSeconds:0.0} s; restore and verify {backup.RestoreSeconds:0.0} s, whole: {backup.Whole}"));
            return backup.Whole ? 0 : 1;
        }
        if (args.Contains("--export-only"))
        {
            var district = await Seeder.DistrictAsync(host, "bench-read", readCommunes);
            await CreateUserAsync(admin, reader);
            await Seeder.DossiersAsync(host, district, readCommunes, seeded);
            foreach (var export in await ExportMeasure.RunAsync(host, seeded))
            {
                Say(Describe(export));
            }
            return 0;
        }
        await Seeder.DistrictAsync(host, "bench-history", 1);
        await CreateUserAsync(admin, (HistoryMeasure.Officer, "commune-officer", HistoryMeasure.Unit));
        var historyRequests = quick ? 20 : 60;
        if (args.Contains("--history-only"))
        {
            Say(Describe(await HistoryMeasure.RunAsync(host, historyRequests)));
            return 0;
        }
        if (Option("--profile") is { } profileSize)
        {
            proceduresPerClient[1] = int.Parse(profileSize, CultureInfo.InvariantCulture);
            clients = [1];
        }
        var flowCommunes = clients.Sum(c => c * proceduresPerClient[c]);
        await Seeder.DistrictAsync(host, "bench-flow", flowCommunes);
        var readDistrict = await Seeder.DistrictAsync(host, "bench-read", readCommunes);
        // Each commune of the flow has its own officer: a commune officer's role fits a commune, not the district.
        var officials = Enumerable.Range(0, flowCommunes).Select(i => (Transitions.Officer(i), "commune-officer", $"bench-flow.xa-{i}"))
            .Concat([("bench.huyen", "district-reviewer", "bench-flow"), reader]);
        foreach (var official in officials)
        {
            await CreateUserAsync(admin, official);
        }

        if (args.Contains("--profile"))
        {
            Say($"ready to profile: pid {Environment.ProcessId}; waiting for a line on standard input");
            Console.ReadLine();
            var profiled = await Transitions.RunAsync(host, "bench-flow", 0, 1, proceduresPerClient[1], minimal);
            Say(string.Create(CultureInfo.InvariantCulture,
                $"profiled transitions: {profiled.Actions} actions, {profiled.ActionsPerSecond:0} actions/s, p50 {profiled.P50:0.00} ms, CPU {profiled.CpuMillisecondsPerAction:0.00} ms and {profiled.AllocatedKilobytesPerAction:0} KB allocated per action"));
            return 0;
        }
        var transitions = new List<Transitions.Result>();
        var firstCommune = 0;
        foreach (var k in clients)
        {
            transitions.Add(await Transitions.RunAsync(host, "bench-flow", firstCommune, k, proceduresPerClient[k], minimal));
            firstCommune += k * proceduresPerClient[k];
            Say(string.Create(CultureInfo.InvariantCulture, $"transitions at {k} clients: {transitions[^1].ActionsPerSecond:0} actions/s, p99 {transitions[^1].P99:0.0} ms"));
        }
        await Ceiling.CreateTablesAsync(host);
        var bare = await Ceiling.RunAsync(host, ceiling.Clients, ceiling.PerClient);
        Say(string.Create(CultureInfo.InvariantCulture, $"bare ceiling at {ceiling.Clients} clients: {bare.ActionsPerSecond:0}/s"));

        var history = await HistoryMeasure.RunAsync(host, historyRequests);
        Say(Describe(history));

        var seeding = Stopwatch.GetTimestamp();
        await Seeder.DossiersAsync(host, readDistrict, readCommunes, seeded);
        var seedSeconds = Stopwatch.GetElapsedTime(seeding).TotalSeconds;
        Say(string.Create(CultureInfo.InvariantCulture, $"seeded {seeded} dossiers in {seedSeconds:0} s"));
        var reads = (await Measures.TrivialAsync(host, quick ? 200 : 2000)).Concat(await Measures.ReadsAsync(host, readRequests)).ToList();
        Say(string.Create(CultureInfo.InvariantCulture, $"reads: p95 up to {reads.Max(r => r.P95):0.0} ms"));
        var upload = await Measures.UploadAsync(host, uploadBytes);
        Say(string.Create(CultureInfo.InvariantCulture, $"upload: {upload.MegabytesPerSecond:0} MB/s, +{upload.PeakGrowthMegabytes:0} MB"));
        var sweep = await Measures.SweepAsync(host, seeded);
        Say(string.Create(CultureInfo.InvariantCulture, $"sweep: {sweep.Notices} notices in {sweep.Seconds:0.00} s"));
        var import = await ImportMeasure.RunAsync(host, ImportRows);
        Say(Describe(import));
        var exports = await ExportMeasure.RunAsync(host, seeded);
        foreach (var export in exports)
        {
            Say(Describe(export));
        }

        var run = new Run(DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture), Run.CurrentCommit(),
            "dotnet run -c Release --project tests/NtmWorkflow.Benchmarks" + (args.Length == 0 ? "" : " -- " + string.Join(' ', args.Select(a => a.Contains('=') ? "CONN" : a))),
            Run.DescribeMachine(), await host.DescribeDatabaseAsync(), quick, transitions, bare, seeded, seeded * 11, seedSeconds,
            reads, sweep, upload, import, exports, history, minimal);
        await Report.WriteAsync(run, output);
        Say(string.Create(CultureInfo.InvariantCulture, $"report written to {output} ({Stopwatch.GetElapsedTime(started).TotalSeconds:0} s in all)"));
        return 0;
    }

    /// <summary>Issue 14's figure: a province's history in one file.</summary>
    private const int ImportRows = 5_000;

    private static string Describe(ImportResult import) => string.Create(CultureInfo.InvariantCulture,
        $"import of {import.Rows} rows ({import.Bytes / 1024} KB XLSX): check {import.CheckSeconds:0.00} s, confirm {import.ConfirmSeconds:0.00} s, same file again {import.RecheckSeconds:0.00} s");

    private static Task CreateUserAsync(Api admin, (string User, string Role, string Unit) official) =>
        admin.SendAsync(HttpMethod.Post, "/api/admin/users", new
        {
            userName = official.User, fullName = official.User, unitCode = official.Unit, role = official.Role, password = BenchHost.Password,
        });

    private static string Describe(ExportResult export) => string.Create(CultureInfo.InvariantCulture,
        $"export of {export.Rows} dossiers as {export.Format}: {export.Bytes / 1024} KB in {export.Seconds:0.00} s, peak growth: working set +{export.PeakWorkingSetGrowthMegabytes:0} MB, managed heap +{export.PeakGcHeapGrowthMegabytes:0} MB");

    private static string Describe(HistoryResult history) => string.Join("; ", history.Rows.Select(r => string.Create(CultureInfo.InvariantCulture,
        $"{r.Request}: p50 {r.EmptyP50:0.0} ms empty, {r.LongP50:0.0} ms at {history.Entries} entries (×{r.Ratio:0.00})")));

    private static void Say(string line) => Console.WriteLine($"[bench] {line}");
}
