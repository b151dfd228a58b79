using NtmWorkflow.Engine.Transitions;
using NtmWorkflow.Engine.Calendar;
using NtmWorkflow.Engine.Criteria;
using NtmWorkflow.Engine.Definitions;
using NtmWorkflow.Engine.Periods;

namespace NtmWorkflow.Engine.Tests;

/// <summary>The definitions and calendars as shipped in workflows/, copied beside the test assembly.</summary>
internal static class Shipped
{
    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "workflows");

    public static readonly CriteriaCatalog Criteria = CriteriaCatalog.LoadFolder(Path.Combine(Folder, "criteria"));

    public static readonly DefinitionCatalog Definitions = DefinitionCatalog.LoadFolder(Folder, Criteria);

    public static readonly PeriodCatalog Periods = PeriodCatalog.Load(Folder, Definitions, Criteria);

    public static readonly WorkingCalendar Calendar = CalendarLoader.LoadFolder(Path.Combine(Folder, "calendars"));

    /// <summary>A dossier that passes every gate: every document type held, nothing unmet, disputed or failing, and a revocation the rule supports.</summary>
    public static readonly GateFacts Passing = new([], [], [], new RevocationAssessment(10, 10, [], 60, [], true, "đủ điều kiện"),
        Definitions.All.SelectMany(d => d.Documents.Keys).ToHashSet());

    public static WorkflowDefinition Definition(string id) => Definitions.Find(id) ?? throw new ArgumentException(id);
}
