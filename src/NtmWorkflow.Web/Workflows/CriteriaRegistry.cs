using System.Collections.Concurrent;
using System.Text.Json;
using NtmWorkflow.Engine.Criteria;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;

namespace NtmWorkflow.Web.Workflows;

/// <summary>
/// The criteria sets in force and every version a dossier was pinned to. A set is stored resolved, as JSON, so a
/// model-commune set that borrows the advanced criteria keeps exactly the criteria it was judged by.
/// </summary>
public sealed class CriteriaRegistry(CriteriaCatalog catalog)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly ConcurrentDictionary<(string Id, int Version, string Hash), CriteriaSet> pinned = new();

    public CriteriaSet Current(string id) =>
        catalog.Find(id) ?? throw new InvalidOperationException($"Criteria set {id} was validated at start-up but is missing.");

    public async Task<CriteriaSet> GetPinnedAsync(
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
        var stored = await PublishedDefinitions.FindAsync(db, StoredDefinition.Criteria, id, version, hash, cancellationToken);
        var set = JsonSerializer.Deserialize<CriteriaSet>(stored.Content, Json)!;
        pinned[(id, version, hash)] = set;
        return set;
    }

    public async Task PublishAsync(AppDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        foreach (var set in catalog.All)
        {
            await PublishedDefinitions.PublishAsync(db, StoredDefinition.Criteria, set.Id, set.Version, set.ContentHash, set.Source,
                () => Task.FromResult(JsonSerializer.Serialize(set, Json)), now, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
