using NtmWorkflow.Engine.Criteria;
using NtmWorkflow.Engine.Definitions;

namespace NtmWorkflow.Engine.Periods;

/// <summary>
/// The programme periods of <c>programme/periods.yaml</c>, checked against the procedures and criteria sets in force:
/// a period can only open what exists, and a procedure it names must judge each open level by the period's set.
/// </summary>
public sealed class PeriodCatalog
{
    public const string FileName = "programme/periods.yaml";

    private PeriodCatalog(IReadOnlyList<ProgrammePeriod> periods, ReportWording wording)
    {
        All = periods.OrderBy(p => p.FromYear).ToList();
        Wording = wording;
    }

    public IReadOnlyList<ProgrammePeriod> All { get; }

    /// <summary>The clauses of the sentence officials write about the levels communes hold.</summary>
    public ReportWording Wording { get; }

    public ProgrammePeriod? ForYear(int year) => All.FirstOrDefault(p => p.Covers(year));

    /// <summary>The periods as "2016–2020, 2021–2025…", for messages about a year no period covers.</summary>
    public string Ranges => string.Join(", ", All.Select(p => p.Years));

    /// <exception cref="DefinitionException">With every problem of the file, each with its line.</exception>
    public static PeriodCatalog Load(string folder, DefinitionCatalog definitions, CriteriaCatalog criteria)
    {
        var file = Path.Combine(folder, FileName);
        string content;
        try
        {
            content = File.ReadAllText(file);
        }
        catch (IOException e)
        {
            throw new DefinitionException([new DefinitionError(FileName, 0, 0, $"Không đọc được tệp giai đoạn ({e.Message}).")]);
        }
        var (periods, wording) = PeriodParser.ParseFile(content, FileName);
        var errors = periods.SelectMany(p => ReferenceErrors(p, definitions, criteria).Concat(BandErrors(p, criteria))).ToList();
        if (errors.Count > 0)
        {
            throw new DefinitionException(errors);
        }
        return new PeriodCatalog(periods, wording);
    }

    private static IEnumerable<DefinitionError> ReferenceErrors(ProgrammePeriod period, DefinitionCatalog definitions, CriteriaCatalog criteria)
    {
        foreach (var (subject, opened) in period.Subjects)
        {
            var problems = ProcedureProblems(subject, opened, definitions).Select(p => (opened.Line, Problem: p))
                .Concat(LevelProblems(subject, opened, definitions, criteria));
            foreach (var (line, problem) in problems)
            {
                yield return new DefinitionError(period.Source, line, 1, $"Giai đoạn {period.Id}, cấp {Subjects.VietnameseName(subject)}: {problem}");
            }
        }
    }

    /// <summary>The bands of criteria met cover every count from none to all of the commune set's criteria, once each.</summary>
    private static IEnumerable<DefinitionError> BandErrors(ProgrammePeriod period, CriteriaCatalog criteria)
    {
        if (period.Report.Bands is not { } bands)
        {
            yield break;
        }
        if (period.CommuneCriteriaSet is not { } setId || criteria.Find(setId) is not { } set)
        {
            yield return new DefinitionError(period.Source, bands.Line, 1,
                $"Giai đoạn {period.Id}: 'criteria-bands' cần bộ tiêu chí xã mức ntm của giai đoạn (trong 'subjects.commune.levels').");
            yield break;
        }
        var total = set.Criteria.Count;
        for (var met = 0; met <= total; met++)
        {
            var holding = bands.Bands.Count(b => b.Contains(met));
            if (holding != 1)
            {
                yield return new DefinitionError(period.Source, bands.Line, 1,
                    $"Giai đoạn {period.Id}: {met}/{total} tiêu chí đạt nằm trong {holding} nhóm của 'criteria-bands' (cần đúng một).");
            }
        }
        foreach (var beyond in bands.Bands.Where(b => b.To > total))
        {
            yield return new DefinitionError(period.Source, bands.Line, 1,
                $"Giai đoạn {period.Id}: nhóm '{beyond.Title}' vượt quá {total} tiêu chí của bộ '{set.Id}'.");
        }
    }

    private static IEnumerable<string> ProcedureProblems(string subject, PeriodSubject opened, DefinitionCatalog definitions)
    {
        foreach (var id in opened.Procedures)
        {
            var definition = definitions.Find(id);
            if (definition is null)
            {
                yield return $"không có quy trình '{id}' trong workflows/.";
            }
            else if (definition.Subject != subject)
            {
                yield return $"quy trình '{id}' dành cho cấp {Subjects.VietnameseName(definition.Subject)}.";
            }
        }
        if (definitions.Find(opened.Procedure) is { Purpose: not Purposes.Recognition })
        {
            yield return $"quy trình mặc định '{opened.Procedure}' phải là quy trình xét công nhận.";
        }
    }

    /// <summary>Each open level's set exists and is that level's, and every recognition procedure judges it by that set.</summary>
    private static IEnumerable<(int Line, string Problem)> LevelProblems(
        string subject, PeriodSubject opened, DefinitionCatalog definitions, CriteriaCatalog criteria)
    {
        foreach (var (level, open) in opened.Levels)
        {
            var set = criteria.Find(open.CriteriaSet);
            if (set is null || set.Subject != subject || set.Level != level)
            {
                yield return (open.Line, $"mức '{level}' cần một bộ tiêu chí cấp {Subjects.VietnameseName(subject)}, mức {level}; '{open.CriteriaSet}' không phải.");
            }
            if (open.RequiresInPeriod is { } required && !opened.Levels.ContainsKey(required))
            {
                yield return (open.Line, $"mức '{level}' đòi mức '{required}' trong cùng giai đoạn nhưng giai đoạn không mở mức đó.");
            }
            var recognition = opened.Procedures.Select(definitions.Find).OfType<WorkflowDefinition>()
                .Where(d => d.Purpose == Purposes.Recognition).ToList();
            if (recognition.All(d => !d.Levels.Contains(level)))
            {
                yield return (open.Line, $"không quy trình xét công nhận nào của giai đoạn áp dụng cho mức '{level}'.");
            }
            foreach (var judged in recognition.Where(d => d.Criteria.TryGetValue(level, out var r) && r.SetId != open.CriteriaSet))
            {
                yield return (open.Line, $"quy trình '{judged.Id}' chấm mức '{level}' bằng bộ '{judged.Criteria[level].SetId}', giai đoạn dùng '{open.CriteriaSet}'.");
            }
        }
    }
}
