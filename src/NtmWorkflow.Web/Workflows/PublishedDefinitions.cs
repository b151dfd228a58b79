using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Engine.Definitions;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;

namespace NtmWorkflow.Web.Workflows;

/// <summary>The one rule for every versioned data file: stored on first sight, never changed under the same version.</summary>
internal static class PublishedDefinitions
{
    public static async Task PublishAsync(
        AppDbContext db, string kind, string id, int version, string hash, string source, Func<Task<string>> content,
        DateTime now, CancellationToken cancellationToken)
    {
        var stored = await db.Definitions.AsNoTracking()
            .FirstOrDefaultAsync(d => d.Kind == kind && d.Id == id && d.Version == version, cancellationToken);
        if (stored is null)
        {
            db.Definitions.Add(new StoredDefinition(kind, id, version, hash, await content(), source, now));
        }
        else if (stored.ContentHash != hash)
        {
            throw new DefinitionException([new DefinitionError(source, 1, 1,
                $"'{id}' phiên bản {version} đã được sử dụng với nội dung khác. " +
                "Khi sửa một quy trình hay bộ tiêu chí đã ban hành, hãy tăng 'version'.")]);
        }
    }

    private static async Task<StoredDefinition> FindAsync(
        AppDbContext db, string kind, string id, int version, string hash, CancellationToken cancellationToken) =>
        await db.Definitions.AsNoTracking()
            .FirstOrDefaultAsync(d => d.Kind == kind && d.Id == id && d.Version == version && d.ContentHash == hash, cancellationToken)
        ?? throw new InvalidOperationException($"{kind} {id} v{version} ({hash}) is pinned by a dossier but not stored.");

    /// <summary>
    /// Versions a dossier was pinned to, read from the database once and cached by id, version and hash: they never
    /// change, so the cache holds nothing another instance could disagree with.
    /// </summary>
    internal sealed class Pinned<T>(string kind, Func<StoredDefinition, T> parse)
        where T : class
    {
        private readonly ConcurrentDictionary<(string Id, int Version, string Hash), T> cache = new();

        public async Task<T> GetAsync(AppDbContext db, string id, int version, string hash, CancellationToken cancellationToken)
        {
            if (cache.TryGetValue((id, version, hash), out var cached))
            {
                return cached;
            }
            var value = parse(await FindAsync(db, kind, id, version, hash, cancellationToken));
            cache[(id, version, hash)] = value;
            return value;
        }
    }
}
