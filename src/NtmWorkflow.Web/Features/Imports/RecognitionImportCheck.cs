using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Engine.Calendar;
using NtmWorkflow.Engine.Periods;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;

namespace NtmWorkflow.Web.Features.Imports;

/// <summary>What a check found: every problem, the recognitions the rows would add, and how many rows are held already.</summary>
public sealed record ImportCheckResult(IReadOnlyList<ImportProblem> Problems, IReadOnlyList<PlannedRecognition> ToAdd, int ValidRows, int AlreadyPresent)
{
    public ImportFindings Findings => new(ValidRows, AlreadyPresent, Problems);
}

/// <summary>
/// Checks an import's rows against each other and against the register as it is now. Used on upload (the report)
/// and again on confirmation, inside its transaction, so what is written is what was checked a moment before.
/// </summary>
public sealed class RecognitionImportCheck(AppDbContext db, PeriodCatalog periods, TimeProvider clock)
{
    public async Task<ImportCheckResult> CheckAsync(IReadOnlyList<ImportRow> rows, Actor actor, CancellationToken cancellationToken)
    {
        // EF.Parameter: the file's thousands of codes go as one array parameter, not one SQL parameter each (EF 10's
        // default), which took several times longer at 5,000 rows (docs/benchmarks.md).
        var codes = rows.Select(r => r[ImportColumns.UnitCode]).OfType<string>().Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => EF.Parameter(codes).Contains(u.Code)).ToDictionaryAsync(u => u.Code, cancellationToken);
        var held = await db.Recognitions.AsNoTracking().Where(r => EF.Parameter(codes).Contains(r.UnitCode)).ToListAsync(cancellationToken);
        var renamed = await db.UnitChanges.AsNoTracking().Where(c => EF.Parameter(codes).Contains(c.UnitCode) && c.OldName != null)
            .Select(c => new { c.UnitCode, c.OldName }).ToListAsync(cancellationToken);
        var formerNames = held.Select(r => (r.UnitCode, Name: r.UnitName)).Concat(renamed.Select(c => (c.UnitCode, Name: c.OldName!)))
            .ToLookup(n => n.UnitCode, n => n.Name);
        var today = WorkingCalendar.ToVietnamDate(clock.GetUtcNow().UtcDateTime);
        var parser = new ImportRowParser(units, formerNames, periods, today, actor);

        var problems = new List<ImportProblem>();
        var planned = rows.Select(row => parser.Parse(row, problems)).OfType<PlannedRecognition>().ToList();
        var numbers = planned.Select(p => p.Decision.Number).Distinct().ToList();
        var sameNumbers = await db.Recognitions.AsNoTracking().Where(r => r.DecisionNumber != null && EF.Parameter(numbers).Contains(r.DecisionNumber))
            .ToListAsync(cancellationToken);

        var heldByUnitLevel = held.ToLookup(r => (r.UnitCode, r.Level));
        var recordedDecisions = sameNumbers.Where(r => r.DecisionDate is not null)
            .GroupBy(r => (AdministrativeUnit.ProvincePathOf(r.UnitPath), r.DecisionNumber!, r.DecisionDate!.Value.Year))
            .ToDictionary(g => g.Key, g => g.First());
        var alreadyPresent = 0;
        var accepted = new Accepted();
        foreach (var row in planned)
        {
            var before = problems.Count;
            void Problem(ImportColumn column, string message) => problems.Add(new ImportProblem(row.Row.Row, column.Header, message));
            var existing = heldByUnitLevel[(row.Unit.Code, row.Level)].ToList();
            if (existing.FirstOrDefault(r => r.DecisionNumber == row.Decision.Number) is { } same)
            {
                if (Identical(same, row))
                {
                    alreadyPresent++;
                    continue;
                }
                Problem(ImportColumns.DecisionNumber, $"{row.Unit.Name} đã có công nhận theo quyết định {same.DecisionNumber} nhưng ghi khác: {Describe(same)}.");
            }
            else if (row.Stands && existing.FirstOrDefault(r => r.Stands) is { } standing)
            {
                Problem(ImportColumns.Level, $"{row.Unit.Name} đang giữ công nhận {Engine.Levels.VietnameseName(row.Level)} {Describe(standing)}; " +
                    "chỉ một công nhận còn hiệu lực cho mỗi mức (ghi quyết định thu hồi nếu công nhận cũ đã bị thu hồi).");
            }
            CheckAgainstEarlierRows(row, accepted, Problem);
            CheckDecisionAgrees(row, accepted, recordedDecisions.GetValueOrDefault((row.ProvincePath, row.Decision.Number, row.Decision.Date.Year)), Problem);
            if (problems.Count == before)
            {
                accepted.Add(row);
            }
        }
        return new ImportCheckResult(problems.OrderBy(p => p.Row).ToList(), accepted.All, accepted.All.Count + alreadyPresent, alreadyPresent);
    }

    /// <summary>The rows found good so far, indexed as the checks of the next rows ask for them (a 5,000-row file stays linear).</summary>
    private sealed class Accepted
    {
        public List<PlannedRecognition> All { get; } = [];

        public Dictionary<(string Unit, string Level), List<PlannedRecognition>> ByUnitLevel { get; } = [];

        /// <summary>
        /// The first row carrying each decision number of a province in a year (numbering starts again every year): every
        /// later one must agree with it.
        /// </summary>
        public Dictionary<(string Province, string Number, int Year), PlannedRecognition> ByDecision { get; } = [];

        public void Add(PlannedRecognition row)
        {
            All.Add(row);
            var key = (row.Unit.Code, row.Level);
            if (!ByUnitLevel.TryGetValue(key, out var rows))
            {
                ByUnitLevel[key] = rows = [];
            }
            rows.Add(row);
            ByDecision.TryAdd((row.ProvincePath, row.Decision.Number, row.Decision.Date.Year), row);
        }
    }

    /// <summary>The same unit and level twice: the same decision again, or two recognitions that would both stand.</summary>
    private static void CheckAgainstEarlierRows(PlannedRecognition row, Accepted accepted, Action<ImportColumn, string> problem)
    {
        var sameUnitLevel = accepted.ByUnitLevel.GetValueOrDefault((row.Unit.Code, row.Level)) ?? [];
        if (sameUnitLevel.FirstOrDefault(a => a.Decision.Number == row.Decision.Number) is { } twice)
        {
            problem(ImportColumns.UnitCode, $"Trùng dòng {twice.Row.Row}: cùng đơn vị, mức công nhận và quyết định.");
        }
        else if (row.Stands && sameUnitLevel.FirstOrDefault(a => a.Stands) is { } standing)
        {
            problem(ImportColumns.UnitCode,
                $"Dòng {standing.Row.Row} cũng công nhận đơn vị này mức này và còn hiệu lực: chỉ một công nhận còn hiệu lực cho mỗi mức.");
        }
    }

    /// <summary>One decision number of a province in a year is one signed paper: its date and signer must agree wherever it is recorded.</summary>
    private static void CheckDecisionAgrees(PlannedRecognition row, Accepted accepted, Recognition? recorded, Action<ImportColumn, string> problem)
    {
        var earlier = accepted.ByDecision.GetValueOrDefault((row.ProvincePath, row.Decision.Number, row.Decision.Date.Year));
        (DateOnly? Date, string? Signer, string Where)? other = recorded is not null
            ? (recorded.DecisionDate, recorded.DecisionSigner, $"công nhận đã có của {recorded.UnitName}")
            : earlier is not null ? (earlier.Decision.Date, earlier.Decision.Signer, $"dòng {earlier.Row.Row}") : null;
        if (other is not { } agreed)
        {
            return;
        }
        if (agreed.Date is { } date && date != row.Decision.Date)
        {
            problem(ImportColumns.DecisionDate, $"Quyết định {row.Decision.Number} đã ghi ngày ký {date:dd/MM/yyyy} ({agreed.Where}).");
        }
        else if (agreed.Signer is { } signer && ImportColumns.Comparable(signer) != ImportColumns.Comparable(row.Decision.Signer))
        {
            problem(ImportColumns.Signer, $"Quyết định {row.Decision.Number} đã ghi người ký '{signer}' ({agreed.Where}).");
        }
    }

    private static bool Identical(Recognition held, PlannedRecognition row) =>
        held.Year == row.Year && held.DecisionDate == row.Decision.Date && held.DecisionSigner == row.Decision.Signer
        && held.CeremonyDate == row.CeremonyDate && held.CeremonyPlace == row.CeremonyPlace
        && held.RevocationNumber == row.Revocation?.Number && held.RevocationDate == row.Revocation?.Date
        && held.RevocationSigner == row.Revocation?.Signer;

    private static string Describe(Recognition r) =>
        $"theo Quyết định số {r.DecisionNumber ?? "(chưa ghi số)"}" + (r.DecisionDate is { } date ? $" ngày {date:dd/MM/yyyy}" : "") +
        (r.Year is { } year ? $", năm {year}" : "") + (r.DecisionSigner is { } signer ? $", người ký {signer}" : "") +
        (r.CeremonyDate is { } ceremony ? $", lễ công bố {ceremony:dd/MM/yyyy}" : "") +
        (r.RevocationNumber is { } revoked ? $", thu hồi theo {revoked}" : "");
}
