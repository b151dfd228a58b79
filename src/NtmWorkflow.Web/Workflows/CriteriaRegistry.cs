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

    private readonly PublishedDefinitions.Pinned<CriteriaSet> pinned =
        new(StoredDefinition.Criteria, stored => JsonSerializer.Deserialize<CriteriaSet>(stored.Content, Json)!);

    public CriteriaSet Current(string id) =>
        catalog.Find(id) ?? throw new InvalidOperationException($"Criteria set {id} was validated at start-up but is missing.");

    public Task<CriteriaSet> GetPinnedAsync(AppDbContext db, string id, int version, string hash, CancellationToken cancellationToken) =>
        catalog.Find(id) is { } current && current.Version == version && current.ContentHash == hash
            ? Task.FromResult(current)
            : pinned.GetAsync(db, id, version, hash, cancellationToken);

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
