using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using NtmWorkflow.Engine.Definitions;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Workflows;

/// <summary>
/// The definitions in force (from workflows/) and every version a dossier was ever pinned to (from the database).
/// Parsed versions are cached by id, version and hash: they never change, so the cache holds no state that
/// another instance could disagree with.
/// </summary>
public sealed class DefinitionRegistry(DefinitionCatalog catalog, IOptions<WorkflowOptions> options)
{
    private readonly ConcurrentDictionary<(string Id, int Version, string Hash), WorkflowDefinition> pinned = new();

    public IReadOnlyCollection<WorkflowDefinition> Current => catalog.All;

    public WorkflowDefinition? FindCurrent(string id) => catalog.Find(id);

    public WorkflowDefinition? DefaultFor(string subject) =>
        options.Value.Defaults.TryGetValue(subject, out var id) ? catalog.Find(id) : null;

    /// <summary>The exact definition a dossier started on.</summary>
    public async Task<WorkflowDefinition> GetPinnedAsync(
        AppDbContext db, string id, int version, string hash, CancellationToken cancellationToken)
    {
        if (catalog.Find(id) is { } current && current.Version == version && current.ContentHash == hash)
        {
            return current;
        }
        if (pinned.TryGetValue((id, version, hash), out var cached))
        {
            return cached;
        }
        var stored = await PublishedDefinitions.FindAsync(db, StoredDefinition.Workflow, id, version, hash, cancellationToken);
        var definition = DefinitionParser.Parse(stored.Content, stored.Source);
        pinned[(id, version, hash)] = definition;
        return definition;
    }

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
