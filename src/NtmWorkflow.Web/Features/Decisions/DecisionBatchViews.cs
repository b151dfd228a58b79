using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Infrastructure;
using NtmWorkflow.Web.Features.Dossiers;

namespace NtmWorkflow.Web.Features.Decisions;

/// <summary>A batch decision as officials see it: the decision once, and every dossier it decided.</summary>
public sealed record DecisionBatchView(
    Guid Id,
    string ProvinceCode,
    string ProvinceName,
    string Number,
    DateOnly Date,
    string Signer,
    string FileName,
    string DocumentSha256,
    int Count,
    string CreatedBy,
    DateTime CreatedAt,
    IReadOnlyList<DecisionBatchView.Member> Dossiers)
{
    /// <param name="DocumentId">The signed decision filed in this dossier (download at /api/documents/{id}/content).</param>
    /// <param name="StageTitle">The stage as its definition names it, for people.</param>
    public sealed record Member(
        Guid Id, string UnitCode, string UnitName, string Level, int Year, string Stage, string Status, Guid? DocumentId, string StageTitle);
}

/// <summary>Reads batch decisions for the officials who may see them: those of the caller's province, or all above the provinces.</summary>
internal sealed class DecisionBatchViews(AppDbContext db, DossierLookup dossiers)
{
    /// <summary>The batches the caller may see: their province's, or every province's for an official above them.</summary>
    public static IQueryable<DecisionBatch> Visible(IQueryable<DecisionBatch> batches, Actor actor) =>
        AdministrativeUnit.ProvinceCodeOf(actor.UnitPath) is { } province ? batches.Where(b => b.ProvinceCode == province) : batches;

    public async Task<DecisionBatchView> FindAsync(Guid id, Actor actor, CancellationToken cancellationToken) =>
        await ViewAsync(await Visible(db.DecisionBatches.AsNoTracking(), actor).FirstOrDefaultAsync(b => b.Id == id, cancellationToken)
            ?? throw ProblemException.NotFound($"Không tìm thấy quyết định chung {id} trong phạm vi của bạn."), cancellationToken);

    public async Task<DecisionBatchView> ViewAsync(DecisionBatch batch, CancellationToken cancellationToken)
    {
        var province = await db.Units.AsNoTracking().Where(u => u.Code == batch.ProvinceCode).Select(u => u.Name).SingleAsync(cancellationToken);
        var members = await db.Dossiers.AsNoTracking()
            .Where(d => d.DecisionBatchId == batch.Id)
            .Join(db.Units, d => d.UnitCode, u => u.Code, (d, u) => new { Dossier = d, UnitName = u.Name })
            .OrderBy(x => x.UnitName)
            .ToListAsync(cancellationToken);
        var ids = members.Select(m => m.Dossier.Id).ToList();
        var papers = await db.Documents.AsNoTracking()
            .Where(d => ids.Contains(d.DossierId) && d.Sha256 == batch.DocumentSha256)
            .Select(d => new { d.DossierId, d.Id })
            .ToListAsync(cancellationToken);
        var stageTitles = new List<string>();
        foreach (var member in members)
        {
            stageTitles.Add((await dossiers.DefinitionOfAsync(member.Dossier, cancellationToken)).TitleOf(member.Dossier.Stage));
        }
        return new DecisionBatchView(batch.Id, batch.ProvinceCode, province, batch.Number, batch.Date, batch.Signer, batch.FileName,
            batch.DocumentSha256, batch.Count, batch.CreatedBy, batch.CreatedAt,
            members.Select((m, i) => new DecisionBatchView.Member(m.Dossier.Id, m.Dossier.UnitCode, m.UnitName, m.Dossier.Level, m.Dossier.Year,
                m.Dossier.Stage, m.Dossier.Status, papers.FirstOrDefault(p => p.DossierId == m.Dossier.Id)?.Id, stageTitles[i])).ToList());
    }
}
