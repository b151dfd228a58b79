using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace NtmWorkflow.Benchmarks;

/// <summary>Everything one run measured, and where it ran.</summary>
public sealed record Run(
    string Date, string Commit, string Command, string Machine, string Database, bool Quick,
    IReadOnlyList<Transitions.Result> Transitions, Transitions.Result Ceiling, int SeededDossiers, int SeededEvents, double SeedSeconds,
    IReadOnlyList<ReadResult> Reads, SweepResult Sweep, UploadResult Upload, ImportResult Import,
    IReadOnlyList<ExportResult> Exports, HistoryResult History, bool MinimalAnswers)
{
    public static string DescribeMachine() =>
        $"{Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1073741824.0:0.#} GiB, " +
        $"{RuntimeInformation.OSDescription}, .NET {Environment.Version}";

    public static string CurrentCommit()
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", "rev-parse --short HEAD") { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var commit = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? commit : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}

/// <summary>Writes the run as docs/benchmarks.md (tables, targets, verdicts) and the same numbers as JSON beside it.</summary>
public static class Report
{
    /// <summary>The hand-written reading of the figures (why a target is missed, what was changed), kept beside the report.</summary>
    public const string NotesPath = "docs/benchmarks-notes.md";

    public static async Task WriteAsync(Run run, string markdownPath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(markdownPath))!);
        var notes = File.Exists(NotesPath) ? "\n" + await File.ReadAllTextAsync(NotesPath) : "";
        await File.WriteAllTextAsync(markdownPath, Markdown(run) + notes);
        await File.WriteAllTextAsync(Path.ChangeExtension(markdownPath, ".json"),
            JsonSerializer.Serialize(run, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
    }

    private static string Markdown(Run run)
    {
        var ci = CultureInfo.InvariantCulture;
        var top = run.Transitions.MaxBy(t => t.Clients)!;
        var listP95 = run.Reads.Where(r => r.Name.Contains("list")).Max(r => r.P95);
        var md = new StringBuilder();
        md.AppendLine("# Benchmarks").AppendLine();
        if (run.Quick)
        {
            md.AppendLine("A **quick** run (small sizes, to prove the harness works); its figures say little about speed.").AppendLine();
        }
        md.AppendLine($"- Date: {run.Date}  ").AppendLine($"- Commit: `{run.Commit}`  ").AppendLine($"- Machine: {run.Machine}  ");
        md.AppendLine($"- Database: {run.Database}  ").AppendLine($"- Command: `{run.Command}`").AppendLine();
        md.AppendLine("The harness (tests/NtmWorkflow.Benchmarks) starts the application on a loopback port on a fresh database, seeds what it ");
        md.AppendLine("needs and drives it over HTTP with bearer tokens, client and server in one process on the same cores.").AppendLine();

        md.AppendLine("## Transitions: whole commune procedures over HTTP").AppendLine();
        md.AppendLine("Every request of a procedure counts as an action: create, conditions, 19 criteria, 11 uploads and 8 moves, 40 in all; the two 15-day postings are skipped on the application's clock between phases, outside the timed part.");
        md.AppendLine(run.MinimalAnswers
            ? "The client asks for minimal answers to its writes (`Prefer: return=minimal`), as a client that only needs the dossier's next version does."
            : "The client reads the whole view each write answers with (`--full-answers`).");
        md.AppendLine("CPU and allocation are the process's (client and server) per action over the timed part.").AppendLine();
        md.AppendLine("| Clients | Procedures | Actions | Seconds | Actions/s | p50 ms | p95 ms | p99 ms | CPU ms/action | KB allocated/action |").AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var t in run.Transitions.Append(run.Ceiling with { Procedures = 0 }))
        {
            var label = t == run.Ceiling with { Procedures = 0 } ? $"{t.Clients} (bare ceiling)" : t.Clients.ToString(ci);
            md.AppendLine(string.Create(ci, $"| {label} | {t.Procedures} | {t.Actions} | {t.Seconds:0.0} | {t.ActionsPerSecond:0} | {t.P50:0.0} | {t.P95:0.0} | {t.P99:0.0} | {t.CpuMillisecondsPerAction:0.00} | {t.AllocatedKilobytesPerAction:0} |"));
        }
        md.AppendLine().AppendLine("By kind of request (p50 / p95 ms):").AppendLine();
        md.AppendLine("| Clients | " + string.Join(" | ", run.Transitions[0].ByKind.Select(k => $"{k.Kind} ({k.Requests / run.Transitions[0].Procedures} per procedure)")) + " |");
        md.AppendLine("|---:|" + string.Concat(run.Transitions[0].ByKind.Select(_ => "---:|")));
        foreach (var t in run.Transitions)
        {
            md.AppendLine(string.Create(ci, $"| {t.Clients} | ") + string.Join(" | ", t.ByKind.Select(k => string.Create(ci, $"{k.P50:0.0} / {k.P95:0.0}"))) + " |");
        }
        md.AppendLine().AppendLine("The ceiling row is a bare endpoint making one transition's row writes (update a row, insert two) in one transaction on the same database, without routing, authentication, the pipeline or the aggregate.").AppendLine();

        md.AppendLine(string.Create(ci, $"## Reads at {run.SeededDossiers:N0} dossiers and {run.SeededEvents:N0} timeline events")).AppendLine();
        md.AppendLine(string.Create(ci, $"Seeded through the aggregate in {run.SeedSeconds:0} s. One official (district reviewer) whose scope holds them all; sequential requests.")).AppendLine();
        md.AppendLine("| Read | Requests | p50 ms | p95 ms |").AppendLine("|---|---:|---:|---:|");
        foreach (var r in run.Reads)
        {
            md.AppendLine(string.Create(ci, $"| {r.Name} | {r.Requests} | {r.P50:0.0} | {r.P95:0.0} |"));
        }
        md.AppendLine().AppendLine("## Reminder sweep").AppendLine();
        md.AppendLine(string.Create(ci, $"{run.Sweep.OpenStages:N0} open stages, every one overdue at once: {run.Sweep.Notices:N0} notices written in {run.Sweep.Seconds:0.00} s.")).AppendLine();
        md.AppendLine("## Upload").AppendLine();
        md.AppendLine(string.Create(ci, $"{run.Upload.Bytes / 1048576.0:0} MB in {run.Upload.Seconds:0.00} s: {run.Upload.MegabytesPerSecond:0} MB/s; peak working-set growth of the process (client and server) {run.Upload.PeakGrowthMegabytes:0} MB.")).AppendLine();

        md.AppendLine("## Import of earlier recognitions").AppendLine();
        md.AppendLine(string.Create(ci, $"A generated XLSX ({run.Import.Bytes / 1024:N0} KB) of {run.Import.Rows:N0} NTM recognitions of 2016–2020, one per commune, uploaded by the administrator over HTTP:")).AppendLine();
        md.AppendLine("| Step | Seconds |").AppendLine("|---|---:|");
        md.AppendLine(string.Create(ci, $"| Upload and check (read, every row checked, rows stored with the pending import) | {run.Import.CheckSeconds:0.00} |"));
        md.AppendLine(string.Create(ci, $"| Confirm (checked again, {run.Import.Rows:N0} recognitions written in one transaction) | {run.Import.ConfirmSeconds:0.00} |"));
        md.AppendLine(string.Create(ci, $"| The same file again (every row found already held) | {run.Import.RecheckSeconds:0.00} |")).AppendLine();

        md.AppendLine("## Export of the dossier list").AppendLine();
        md.AppendLine(string.Create(ci, $"Every one of the {run.SeededDossiers:N0} dossiers, `GET /api/dossiers/export` by the district reviewer, read by the client as it arrives; peak growth over the export, sampled every 5 ms (client and server share the process):")).AppendLine();
        md.AppendLine("| Format | Rows | Size | Seconds | Working set growth | Managed heap growth |").AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var e in run.Exports)
        {
            md.AppendLine(string.Create(ci, $"| {e.Format.ToUpperInvariant()} | {e.Rows:N0} | {e.Bytes / 1048576.0:0.0} MB | {e.Seconds:0.00} | {e.PeakWorkingSetGrowthMegabytes:0} MB | {e.PeakGcHeapGrowthMegabytes:0} MB |"));
        }
        md.AppendLine();

        md.AppendLine("## Cost against a dossier's criteria history").AppendLine();
        md.AppendLine(string.Create(ci, $"One commune's dossier, sequential requests by its officer: a criterion's PUT, the dossier and its criteria, timed in turn with an empty history (each PUT timed adds an entry), then again after {run.History.Entries:N0} self-assessments of that criterion through the API:")).AppendLine();
        md.AppendLine("| Request | Requests | p50 ms, empty | p50 ms, long history | Ratio |").AppendLine("|---|---:|---:|---:|---:|");
        foreach (var h in run.History.Rows)
        {
            md.AppendLine(string.Create(ci, $"| `{h.Request}` | {h.Requests} | {h.EmptyP50:0.0} | {h.LongP50:0.0} | {h.Ratio:0.00} |"));
        }
        md.AppendLine();

        md.AppendLine("## Targets").AppendLine();
        md.AppendLine("| Target | Measured | Met |").AppendLine("|---|---|---|");
        void Target(string target, string measured, bool met) => md.AppendLine($"| {target} | {measured} | {(met ? "yes" : "**no**")} |");
        Target("≥ 1,500 actions/s at 64 clients (issue 17; goal 2,000)", string.Create(ci, $"{top.ActionsPerSecond:0} at {top.Clients}"), top.Clients >= 64 && top.ActionsPerSecond >= 1500);
        Target("p99 < 100 ms at 64 clients", string.Create(ci, $"{top.P99:0.0} ms at {top.Clients}"), top.Clients >= 64 && top.P99 < 100);
        var one = run.Transitions.MinBy(t => t.Clients)!;
        var write = one.ByKind.Where(k => k.Kind is "criterion" or "move" or "conditions").MaxBy(k => k.P50)!;
        Target("a write at one client p50 < 1.5 ms", string.Create(ci, $"{write.P50:0.0} ms (`{write.Kind}`, the slowest write kind)"), write.P50 < 1.5);
        foreach (var (name, limit) in new[] { ("health check (anonymous)", 0.5), ("unread-notice count (authenticated trivial read)", 0.3) })
        {
            var read = run.Reads.Single(r => r.Name == name);
            Target(string.Create(ci, $"{name} p50 < {limit} ms"), string.Create(ci, $"{read.P50:0.00} ms"), read.P50 < limit);
        }
        Target("list and task reads p95 < 25 ms at 100,000 dossiers", string.Create(ci, $"{listP95:0.0} ms at {run.SeededDossiers:N0}"), run.SeededDossiers >= 100_000 && listP95 < 25);
        Target("reminder sweep < 2 s at 100,000 open stages", string.Create(ci, $"{run.Sweep.Seconds:0.00} s at {run.Sweep.OpenStages:N0}"), run.Sweep.OpenStages >= 100_000 && run.Sweep.Seconds < 2);
        Target("upload ≥ 100 MB/s", string.Create(ci, $"{run.Upload.MegabytesPerSecond:0} MB/s"), run.Upload.MegabytesPerSecond >= 100);
        Target("upload memory growth < 32 MB", string.Create(ci, $"{run.Upload.PeakGrowthMegabytes:0} MB"), run.Upload.PeakGrowthMegabytes < 32);
        var worst = run.History.Rows.MaxBy(h => h.Ratio)!;
        Target(string.Create(ci, $"requests of a dossier at {HistoryMeasure.Entries:N0} history entries < 1.5 × with none"),
            string.Create(ci, $"×{worst.Ratio:0.00} at worst (`{worst.Request}`)"), run.History.Entries >= HistoryMeasure.Entries && worst.Ratio < 1.5);
        Target("actions/s ≥ 30 % of the bare ceiling", string.Create(ci, $"{100 * top.ActionsPerSecond / run.Ceiling.ActionsPerSecond:0} %"),
            top.ActionsPerSecond >= 0.3 * run.Ceiling.ActionsPerSecond);
        return md.ToString();
    }
}
