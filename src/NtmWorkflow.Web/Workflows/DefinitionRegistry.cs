using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
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
        var stored = await db.Definitions.AsNoTracking()
            .FirstOrDefaultAsync(d => d.Id == id && d.Version == version && d.ContentHash == hash, cancellationToken)
            ?? throw new InvalidOperationException($"Definition {id} v{version} ({hash}) is pinned by a dossier but not stored.");
        var definition = DefinitionParser.Parse(stored.Content, stored.Source);
        pinned[(id, version, hash)] = definition;
        return definition;
    }

    /// <summary>
    /// Stores each current definition the first time it is seen, and refuses to start when a stored version's
    /// content was edited without raising its version: running dossiers would silently change rules.
    /// </summary>
    public async Task PublishAsync(AppDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var folder = options.Value.ResolveFolder();
        foreach (var definition in catalog.All)
        {
            var stored = await db.Definitions.AsNoTracking()
                .FirstOrDefaultAsync(d => d.Id == definition.Id && d.Version == definition.Version, cancellationToken);
            if (stored is null)
            {
                var content = await File.ReadAllTextAsync(Path.Combine(folder, definition.Source), cancellationToken);
                db.Definitions.Add(new StoredDefinition(definition.Id, definition.Version, definition.ContentHash, content, definition.Source, now));
            }
            else if (stored.ContentHash != definition.ContentHash)
            {
                throw new DefinitionException([new DefinitionError(definition.Source, 1, 1,
                    $"Quy trình '{definition.Id}' phiên bản {definition.Version} đã được sử dụng với nội dung khác. " +
                    "Khi sửa một quy trình đã ban hành, hãy tăng 'version'.")]);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
