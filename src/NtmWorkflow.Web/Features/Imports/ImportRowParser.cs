using System.Globalization;
using System.Text.RegularExpressions;
using NtmWorkflow.Engine;
using NtmWorkflow.Engine.Periods;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;

namespace NtmWorkflow.Web.Features.Imports;

/// <summary>A row read into the recognition it would record.</summary>
public sealed record PlannedRecognition(
    ImportRow Row, AdministrativeUnit Unit, string UnitName, string Level, int Year, RecordedDecision Decision,
    DateOnly? CeremonyDate, string? CeremonyPlace, RecordedDecision? Revocation)
{
    public bool Stands => Revocation is null;

    /// <summary>The province the unit lies in ("/vn/dong-thap/"): where a decision number is unique.</summary>
    public string ProvincePath { get; } = AdministrativeUnit.ProvincePathOf(Unit.Path);
}

/// <summary>
/// What the import knows when it reads rows: the units the file names (with the names each had), the periods,
/// today in Vietnam and the caller's scope. Reads each row on its own; what rows say together is checked by
/// <see cref="RecognitionImportCheck"/>.
/// </summary>
public sealed partial class ImportRowParser(
    IReadOnlyDictionary<string, AdministrativeUnit> units, ILookup<string, string> formerNames, PeriodCatalog periods, DateOnly today,
    Actor actor)
{
    private static readonly (ImportColumn Column, int Max)[] Lengths =
    [
        (ImportColumns.UnitCode, Limits.Code), (ImportColumns.UnitName, Limits.Name), (ImportColumns.Level, Limits.Code),
        (ImportColumns.Year, Limits.Code), (ImportColumns.Period, Limits.Code), (ImportColumns.DecisionNumber, Limits.Name),
        (ImportColumns.DecisionDate, Limits.Code), (ImportColumns.Signer, Limits.Name), (ImportColumns.CeremonyDate, Limits.Code),
        (ImportColumns.CeremonyPlace, Limits.Text), (ImportColumns.RevocationNumber, Limits.Name),
        (ImportColumns.RevocationDate, Limits.Code), (ImportColumns.RevocationSigner, Limits.Name),
    ];

    /// <summary>The recognition the row records, or null when <paramref name="problems"/> got a reason it cannot.</summary>
    public PlannedRecognition? Parse(ImportRow row, List<ImportProblem> problems)
    {
        var before = problems.Count;
        void Problem(ImportColumn column, string message) => problems.Add(new ImportProblem(row.Row, column.Header, message));

        foreach (var (column, max) in Lengths.Where(l => row[l.Column] is { } text && text.Length > l.Max))
        {
            Problem(column, $"Dài {row[column]!.Length} ký tự, tối đa {max}.");
        }
        if (problems.Count > before)
        {
            return null;
        }
        var unit = Unit(row, Problem);
        var level = Level(row, Problem);
        var year = Year(row, Problem);
        var period = year is { } y ? Period(row, y, Problem) : null;
        if (unit is not null && level is not null && period is not null)
        {
            CheckLevelInPeriod(unit, level, period, Problem);
        }
        var decision = Decision(row, ImportColumns.DecisionNumber, ImportColumns.DecisionDate, ImportColumns.Signer, required: true, Problem);
        var ceremonyDate = Date(row, ImportColumns.CeremonyDate, Problem);
        if (ceremonyDate < decision?.Date)
        {
            Problem(ImportColumns.CeremonyDate, $"Lễ công bố ({ceremonyDate:dd/MM/yyyy}) trước ngày ký quyết định ({decision!.Date:dd/MM/yyyy}).");
        }
        var revocation = Decision(row, ImportColumns.RevocationNumber, ImportColumns.RevocationDate, ImportColumns.RevocationSigner, required: false, Problem);
        if (revocation?.Date < decision?.Date)
        {
            Problem(ImportColumns.RevocationDate, $"Ngày thu hồi ({revocation!.Date:dd/MM/yyyy}) trước ngày ký quyết định công nhận ({decision!.Date:dd/MM/yyyy}).");
        }
        if (unit?.DissolvedOn is { } ended && decision?.Date > ended)
        {
            Problem(ImportColumns.DecisionDate, $"{unit.Name} đã kết thúc ngày {ended:dd/MM/yyyy}, trước ngày ký quyết định ({decision.Date:dd/MM/yyyy}).");
        }
        return problems.Count > before
            ? null
            : new PlannedRecognition(row, unit!, row[ImportColumns.UnitName] ?? unit!.Name, level!, year!.Value, decision!,
                ceremonyDate, row[ImportColumns.CeremonyPlace], revocation);
    }

    private AdministrativeUnit? Unit(ImportRow row, Action<ImportColumn, string> problem)
    {
        if (row[ImportColumns.UnitCode] is not { } code)
        {
            problem(ImportColumns.UnitCode, "Thiếu mã đơn vị.");
            return null;
        }
        if (!units.TryGetValue(code, out var unit))
        {
            problem(ImportColumns.UnitCode, $"Không có đơn vị hành chính mã '{code}' (kể cả đơn vị đã sáp nhập, giải thể).");
            return null;
        }
        if (!actor.CanSee(unit.Path))
        {
            problem(ImportColumns.UnitCode, $"{unit.Name} không thuộc phạm vi đơn vị của bạn: không nhập được công nhận của đơn vị này.");
            return null;
        }
        if (row[ImportColumns.UnitName] is { } name && !NamesOf(unit).Any(n => ImportColumns.Comparable(n) == ImportColumns.Comparable(name)))
        {
            problem(ImportColumns.UnitName, $"'{name}' không phải tên của đơn vị mã '{code}' ({string.Join(", ", NamesOf(unit).Distinct())}).");
        }
        return unit;
    }

    private IEnumerable<string> NamesOf(AdministrativeUnit unit) => formerNames[unit.Code].Prepend(unit.Name);

    private static string? Level(ImportRow row, Action<ImportColumn, string> problem)
    {
        if (row[ImportColumns.Level] is not { } text)
        {
            problem(ImportColumns.Level, "Thiếu mức công nhận.");
            return null;
        }
        var level = Levels.All.FirstOrDefault(l => LevelNames(l).Any(n => ImportColumns.Comparable(n) == ImportColumns.Comparable(text)));
        if (level is null)
        {
            problem(ImportColumns.Level,
                $"Mức công nhận '{text}' không tồn tại; dùng: {string.Join(", ", Levels.All.Select(l => $"{l} ({Levels.VietnameseName(l)})"))}.");
        }
        return level;
    }

    /// <summary>How spreadsheets name a level: its code, its name ("nông thôn mới nâng cao") and the short "NTM nâng cao".</summary>
    private static IEnumerable<string> LevelNames(string level)
    {
        var name = Levels.VietnameseName(level);
        var bare = name.StartsWith("đạt chuẩn ", StringComparison.Ordinal) ? name["đạt chuẩn ".Length..] : name;
        return [level, name, bare, name.Replace("nông thôn mới", "NTM"), bare.Replace("nông thôn mới", "NTM")];
    }

    private static int? Year(ImportRow row, Action<ImportColumn, string> problem)
    {
        if (row[ImportColumns.Year] is not { } text)
        {
            problem(ImportColumns.Year, "Thiếu năm công nhận.");
            return null;
        }
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1000 or > 9999)
        {
            problem(ImportColumns.Year, $"'{text}' không phải một năm (ví dụ 2019).");
            return null;
        }
        return year;
    }

    /// <summary>The period the row names (its id, "2016–2020" or "Giai đoạn 2016–2020"), or the one of its year; it must cover the year.</summary>
    private ProgrammePeriod? Period(ImportRow row, int year, Action<ImportColumn, string> problem)
    {
        if (row[ImportColumns.Period] is not { } text)
        {
            var byYear = periods.ForYear(year);
            if (byYear is null)
            {
                problem(ImportColumns.Year, $"Năm {year} không thuộc giai đoạn nào của Chương trình ({periods.Ranges}).");
            }
            return byYear;
        }
        var range = RangePattern().Match(ImportColumns.Comparable(text));
        var named = periods.All.FirstOrDefault(p => p.Id == text.Trim()
            || (range.Success && p.FromYear == int.Parse(range.Groups[1].Value, CultureInfo.InvariantCulture)
                && p.ToYear == int.Parse(range.Groups[2].Value, CultureInfo.InvariantCulture)));
        if (named is null)
        {
            problem(ImportColumns.Period, $"Không có giai đoạn '{text}'; các giai đoạn: {periods.Ranges}.");
            return null;
        }
        if (!named.Covers(year))
        {
            problem(ImportColumns.Year, $"Năm {year} không thuộc {named.Title}.");
            return null;
        }
        return named;
    }

    private void CheckLevelInPeriod(AdministrativeUnit unit, string level, ProgrammePeriod period, Action<ImportColumn, string> problem)
    {
        var subject = UnitKinds.SubjectOf(unit.Kind);
        if (subject is null || periods.All.All(p => !p.RecognisedLevels(subject).Contains(level)))
        {
            problem(ImportColumns.Level, $"{unit.Name} là {UnitKinds.VietnameseName(unit.Kind)}: cấp này không được công nhận mức {Levels.VietnameseName(level)}.");
        }
        else if (!period.RecognisedLevels(subject).Contains(level))
        {
            var recognised = period.RecognisedLevels(subject);
            problem(ImportColumns.Level,
                $"{period.Title} không công nhận {Subjects.VietnameseName(subject)} mức {Levels.VietnameseName(level)}" +
                (recognised.Count > 0 ? $"; mức của giai đoạn: {string.Join(", ", recognised.Select(Levels.VietnameseName))}." : "."));
        }
    }

    /// <summary>Number, date and signer, all three or (when not required) none: a partly filled decision is a problem on each empty cell.</summary>
    private RecordedDecision? Decision(
        ImportRow row, ImportColumn number, ImportColumn date, ImportColumn signer, bool required, Action<ImportColumn, string> problem)
    {
        ImportColumn[] parts = [number, date, signer];
        var given = parts.Where(c => row[c] is not null).ToList();
        if (given.Count == 0 && !required)
        {
            return null;
        }
        foreach (var missing in parts.Except(given))
        {
            problem(missing, required
                ? $"Thiếu {missing.Header.ToLowerInvariant()} của quyết định công nhận."
                : $"Thiếu {missing.Header.ToLowerInvariant()}: quyết định thu hồi cần đủ số, ngày ký và người ký.");
        }
        var day = Date(row, date, problem);
        return given.Count == parts.Length && day is { } signed ? new RecordedDecision(row[number]!, signed, row[signer]!) : null;
    }

    /// <summary>dd/MM/yyyy (or d/M/yyyy, or yyyy-MM-dd), a real day, not after today in Vietnam; null when empty or wrong.</summary>
    private DateOnly? Date(ImportRow row, ImportColumn column, Action<ImportColumn, string> problem)
    {
        if (row[column] is not { } text)
        {
            return null;
        }
        var shape = DatePattern().Match(text);
        if (!shape.Success)
        {
            problem(column, $"'{text}' không phải ngày dạng dd/MM/yyyy.");
            return null;
        }
        var (d, m, y) = shape.Groups["y1"].Success
            ? (shape.Groups["d1"].Value, shape.Groups["m1"].Value, shape.Groups["y1"].Value)
            : (shape.Groups["d2"].Value, shape.Groups["m2"].Value, shape.Groups["y2"].Value);
        var (day, month, year) = (int.Parse(d, CultureInfo.InvariantCulture), int.Parse(m, CultureInfo.InvariantCulture), int.Parse(y, CultureInfo.InvariantCulture));
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            problem(column, $"Ngày '{text}' không có thật.");
            return null;
        }
        var date = new DateOnly(year, month, day);
        if (date > today)
        {
            problem(column, $"Ngày {date:dd/MM/yyyy} ở tương lai (hôm nay là {today:dd/MM/yyyy}).");
            return null;
        }
        return date;
    }

    [GeneratedRegex(@"^(?<d1>[0-9]{1,2})/(?<m1>[0-9]{1,2})/(?<y1>[0-9]{4})$|^(?<y2>[0-9]{4})-(?<m2>[0-9]{2})-(?<d2>[0-9]{2})$")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^(?:giai đoạn\s*)?([0-9]{4})\s*[-–—]\s*([0-9]{4})$")]
    private static partial Regex RangePattern();
}
