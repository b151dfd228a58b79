using NtmWorkflow.Engine.Calendar;
using NtmWorkflow.Engine.Criteria;
using NtmWorkflow.Engine.Definitions;
using NtmWorkflow.Engine.Drafts;
using NtmWorkflow.Engine.Periods;

namespace NtmWorkflow.Web.Workflows;

/// <summary>
/// <c>check-workflows [folder]</c>: what an official runs after editing the data files. Reads every criteria set,
/// definition, the programme periods, the drafted papers' wording, calendar, the units file and the commune groups file as start-up would, without a
/// server or a database, prints each problem as <c>file:line: reason</c> and answers non-zero when there is one. Each
/// kind is checked even when another failed.
/// </summary>
public static class WorkflowCheck
{
    public const string Command = "check-workflows";

    public static int Run(string? folder, TextWriter output)
    {
        var options = new WorkflowOptions();
        var root = folder is null ? options.ResolveFolder() : Path.GetFullPath(folder);
        var problems = 0;
        var criteria = Check(output, ref problems, "bộ tiêu chí", () => CriteriaCatalog.LoadFolder(Path.Combine(root, "criteria")),
            loaded => loaded.All.Count);
        var definitions = criteria is null
            ? null
            : Check(output, ref problems, "quy trình", () => DefinitionCatalog.LoadFolder(root, criteria), loaded => loaded.All.Count);
        var periods = definitions is null
            ? null
            : Check(output, ref problems, "giai đoạn", () => PeriodCatalog.Load(root, definitions, criteria!), loaded => loaded.All.Count);
        if (periods is not null)
        {
            Check(output, ref problems, "lời văn bản thảo", () => DraftWordingCatalog.Load(root, periods), loaded => loaded.All.Count);
        }
        Check(output, ref problems, "năm lịch", () => CalendarLoader.LoadFolder(Path.Combine(root, "calendars")), loaded => loaded.Years.Count);
        Check(output, ref problems, "đơn vị hành chính", () => UnitFile.Read(Path.GetFullPath(options.UnitsFile, root)), loaded => loaded.Units.Count);
        Check(output, ref problems, "nhóm xã", () => Covering(CommuneGroupCatalog.Load(Path.GetFullPath(options.CommuneGroupsFile, root)), criteria),
            loaded => loaded.All.Count);
        output.WriteLine(problems == 0 ? $"Hợp lệ: {root}" : $"Có {problems} lỗi trong {root}.");
        return problems == 0 ? 0 : 1;
    }

    /// <summary>The groups, checked against the criteria sets' groups when those sets could be read.</summary>
    private static CommuneGroupCatalog Covering(CommuneGroupCatalog groups, CriteriaCatalog? criteria) =>
        criteria is null ? groups : groups.Covering(criteria);

    private static T? Check<T>(TextWriter output, ref int problems, string kind, Func<T> load, Func<T, int> count)
        where T : class
    {
        try
        {
            var loaded = load();
            output.WriteLine($"{count(loaded)} {kind}: hợp lệ.");
            return loaded;
        }
        catch (DefinitionException e)
        {
            foreach (var error in e.Errors)
            {
                output.WriteLine(error.ToString());
            }
            problems += e.Errors.Count;
        }
        catch (Exception e) when (e is CalendarException or InvalidDataException)
        {
            output.WriteLine(e.Message);
            problems++;
        }
        return null;
    }
}
