using NtmWorkflow.Engine.Definitions;
using NtmWorkflow.Engine.Drafts;
using NtmWorkflow.Engine.Periods;

namespace NtmWorkflow.Web.Features.Drafts;

/// <summary>
/// Which papers a dossier can be drafted as: a recognition dossier whose period has wording for its kind of unit. The
/// drafting slice asks it for the wording; the dossier page, for the links to offer.
/// </summary>
public sealed class DraftOffer(PeriodCatalog periods, DraftWordingCatalog wordings, DefinitionCatalog definitions)
{
    public DraftFormat Format => wordings.Format;

    /// <summary>The wording for a dossier of <paramref name="year"/> on <paramref name="definition"/>, or null when it is drafted as nothing.</summary>
    public DraftPeriodWording? WordingFor(WorkflowDefinition definition, int year) =>
        definition.Purpose == Purposes.Recognition && periods.ForYear(year) is { } period ? wordings.For(period.Id, definition.Subject) : null;

    /// <summary>The papers the page offers for a dossier on the current definition <paramref name="workflowId"/>.</summary>
    public IReadOnlyList<string> PapersFor(string workflowId, int year) =>
        definitions.Find(workflowId) is { } definition && WordingFor(definition, year) is not null ? DraftPapers.OfDossier : [];

    /// <summary>The wording of a batch decision whose latest dossier is of <paramref name="year"/>.</summary>
    public DraftPeriodWording? BatchWordingFor(int year) =>
        periods.ForYear(year) is { } period ? wordings.For(period.Id, Engine.Subjects.Commune) : null;
}
