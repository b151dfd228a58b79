using NtmWorkflow.Engine.Calendar;
using NtmWorkflow.Engine.Criteria;
using NtmWorkflow.Engine.Definitions;

namespace NtmWorkflow.Engine.Tests;

/// <summary>The definitions and calendars as shipped in workflows/, copied beside the test assembly.</summary>
internal static class Shipped
{
    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "workflows");

    public static readonly CriteriaCatalog Criteria = CriteriaCatalog.LoadFolder(Path.Combine(Folder, "criteria"));

    public static readonly DefinitionCatalog Definitions = DefinitionCatalog.LoadFolder(Folder, Criteria);

    public static readonly WorkingCalendar Calendar = CalendarLoader.LoadFolder(Path.Combine(Folder, "calendars"));

    public static WorkflowDefinition Definition(string id) => Definitions.Find(id) ?? throw new ArgumentException(id);
}
