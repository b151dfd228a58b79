using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Engine.Definitions;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;

namespace NtmWorkflow.Web.Features.Documents;

/// <summary>Adds a paper already in the store to a dossier, as the next version of its type, in the caller's transaction.</summary>
internal sealed class DossierPapers(AppDbContext db, TimeProvider clock)
{
    /// <remarks>The dossier's aggregate checks who may add which type now; adding raises the dossier's version.</remarks>
    public async Task<DossierDocument> AttachAsync(
        Dossier dossier, WorkflowDefinition definition, string type, ReceivedPaper paper, IReadOnlyList<int> criteria, Actor actor,
        CancellationToken cancellationToken)
    {
        var version = 1 + (await db.Documents.Where(d => d.DossierId == dossier.Id && d.Type == type)
            .MaxAsync(d => (int?)d.Version, cancellationToken) ?? 0);
        var document = dossier.AddDocument(definition, type, version, paper.FileName, paper.ContentType, paper.File.Size, paper.File.Sha256,
            criteria, actor, clock.GetUtcNow().UtcDateTime);
        db.Documents.Add(document);
        return document;
    }
}
