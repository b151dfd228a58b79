using NtmWorkflow.Engine.Definitions;
using NtmWorkflow.Engine.Periods;

namespace NtmWorkflow.Engine.Drafts;

/// <summary>
/// The wording of the drafted papers: <c>drafts/format.yaml</c> for the layout every paper shares, and one file per
/// programme period (named by the period's id) for its titles, legal bases, fixed sentences and recipients. Each
/// period that takes new commune dossiers needs commune wording; district papers are not drafted.
/// </summary>
public sealed class DraftWordingCatalog
{
    public const string Folder = "drafts";
    public const string FormatFile = "format.yaml";

    private readonly IReadOnlyDictionary<(string Period, string Subject), DraftPeriodWording> byPeriod;

    private DraftWordingCatalog(DraftFormat format, IReadOnlyList<DraftPeriodWording> periods)
    {
        Format = format;
        All = periods;
        byPeriod = periods.ToDictionary(p => (p.PeriodId, p.Subject));
    }

    public DraftFormat Format { get; }

    public IReadOnlyList<DraftPeriodWording> All { get; }

    /// <summary>The wording for dossiers of a kind of unit in a period, or null when the data has none.</summary>
    public DraftPeriodWording? For(string periodId, string subject) => byPeriod.GetValueOrDefault((periodId, subject));

    /// <exception cref="DefinitionException">With every problem of every file, each with its line.</exception>
    public static DraftWordingCatalog Load(string workflowsFolder, PeriodCatalog periods)
    {
        var folder = Path.Combine(workflowsFolder, Folder);
        var errors = new List<DefinitionError>();
        var format = Read(Path.Combine(folder, FormatFile), errors, DraftWordingParser.ParseFormat);
        var wordings = new List<DraftPeriodWording>();
        IEnumerable<string> files = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.yaml").Where(f => Path.GetFileName(f) != FormatFile).Order(StringComparer.Ordinal)
            : [];
        foreach (var file in files)
        {
            if (Read(file, errors, DraftWordingParser.ParsePeriod) is not { } wording)
            {
                continue;
            }
            var name = Path.GetFileNameWithoutExtension(file);
            if (wording.PeriodId != name)
            {
                errors.Add(new DefinitionError(wording.Source, 1, 1, $"Tệp lời văn của giai đoạn '{wording.PeriodId}' phải tên là {wording.PeriodId}.yaml."));
            }
            else if (periods.All.All(p => p.Id != wording.PeriodId))
            {
                errors.Add(new DefinitionError(wording.Source, 1, 1,
                    $"Không có giai đoạn '{wording.PeriodId}' trong {PeriodCatalog.FileName} (có: {string.Join(", ", periods.All.Select(p => p.Id))})."));
            }
            else
            {
                wordings.Add(wording);
            }
        }
        // A file that exists but failed to read has reported its own problems.
        foreach (var (period, subject) in periods.All.SelectMany(p => p.Subjects.Keys.Select(s => (p, s)))
                     .Where(x => x.s == Subjects.Commune && !File.Exists(Path.Combine(folder, x.p.Id + ".yaml"))))
        {
            errors.Add(new DefinitionError($"{Folder}/{period.Id}.yaml", 0, 0,
                $"Giai đoạn {period.Id} nhận hồ sơ cấp {Subjects.VietnameseName(subject)} nhưng chưa có lời văn bản thảo cho cấp này."));
        }
        if (errors.Count > 0 || format is null)
        {
            throw new DefinitionException(errors);
        }
        return new DraftWordingCatalog(format, wordings);
    }

    private static T? Read<T>(string file, List<DefinitionError> errors, Func<string, string, List<DefinitionError>, T?> parse)
        where T : class
    {
        var source = $"{Folder}/{Path.GetFileName(file)}";
        try
        {
            return parse(File.ReadAllText(file), source, errors);
        }
        catch (IOException e)
        {
            errors.Add(new DefinitionError(source, 0, 0, $"Không đọc được tệp lời văn bản thảo ({e.Message})."));
            return null;
        }
    }
}
