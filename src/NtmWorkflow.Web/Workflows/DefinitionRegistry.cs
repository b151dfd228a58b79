using Microsoft.Extensions.Options;
using NtmWorkflow.Engine.Definitions;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;

namespace NtmWorkflow.Web.Workflows;

/// <summary>The definitions in force (from workflows/) and every version a dossier was ever pinned to (from the database).</summary>
public sealed class DefinitionRegistry(DefinitionCatalog catalog, IOptions<WorkflowOptions> options)
{
    private readonly PublishedDefinitions.Pinned<WorkflowDefinition> pinned =
        new(StoredDefinition.Workflow, stored => DefinitionParser.Parse(stored.Content, stored.Source));

    public IReadOnlyCollection<WorkflowDefinition> Current => catalog.All;

    public WorkflowDefinition? FindCurrent(string id) => catalog.Find(id);

    /// <summary>
    /// The default definition for a unit of this kind (or for a subject). A ward gets its tier's (the commune's), so
    /// that <see cref="Domain.Dossier.Open"/> refuses it with the reason rather than a missing setting.
    /// </summary>
    public WorkflowDefinition? DefaultFor(string unitKind) =>
        UnitKinds.IsKnown(unitKind) && UnitKinds.TierSubject(unitKind) is { } subject && options.Value.Defaults.TryGetValue(subject, out var id)
            ? catalog.Find(id)
            : null;

    /// <summary>The exact definition a dossier started on.</summary>
    public Task<WorkflowDefinition> GetPinnedAsync(
        AppDbContext db, string id, int version, string hash, CancellationToken cancellationToken) =>
        catalog.Find(id) is { } current && current.Version == version && current.ContentHash == hash
            ? Task.FromResult(current)
            : pinned.GetAsync(db, id, version, hash, cancellationToken);

    /// <summary>Stores each current definition on first sight; refuses to start when a used version was edited in place.</summary>
    public async Task PublishAsync(AppDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var folder = options.Value.ResolveFolder();
        foreach (var d in catalog.All)
        {
            await PublishedDefinitions.PublishAsync(db, StoredDefinition.Workflow, d.Id, d.Version, d.ContentHash, d.Source,
                () => File.ReadAllTextAsync(Path.Combine(folder, d.Source), cancellationToken), now, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
