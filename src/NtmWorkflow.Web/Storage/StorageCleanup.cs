using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Web.Data;

namespace NtmWorkflow.Web.Storage;

/// <summary>
/// Removes what an interrupted upload leaves behind: staged files, and blobs that no document row references
/// (the upload crashed or was refused between the rename and the commit). Only after a day, so an upload in flight
/// is never touched.
/// </summary>
public sealed class StorageCleanup(AppDbContext db, IDocumentStorage storage, TimeProvider clock)
{
    public static readonly TimeSpan Grace = TimeSpan.FromDays(1);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var referenced = (await db.Documents.Select(d => d.Sha256).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        // Minutes uploaded to a council session are filed in its dossiers only when the session concludes.
        referenced.UnionWith(await db.CouncilSessions.Where(s => s.MinutesSha256 != null).Select(s => s.MinutesSha256!).ToListAsync(cancellationToken));
        // A batch decision's file stays even when its procedure files it as no dossier's paper.
        referenced.UnionWith(await db.DecisionBatches.Select(b => b.DocumentSha256).Distinct().ToListAsync(cancellationToken));
        return storage.DeleteStale(referenced.Contains, clock.GetUtcNow().UtcDateTime - Grace);
    }
}
