using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Engine.Definitions;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Infrastructure;
using NtmWorkflow.Web.Workflows;

namespace NtmWorkflow.Web.Features.Dossiers;

/// <summary>Loads what every dossier slice needs: the dossier, the definition it is pinned to, its unit's name.</summary>
internal sealed class DossierLookup(AppDbContext db, DefinitionRegistry definitions)
{
    public async Task<(Dossier Dossier, WorkflowDefinition Definition, string UnitName)> LoadAsync(
        Guid id, bool forUpdate, CancellationToken cancellationToken)
    {
        var query = forUpdate ? db.Dossiers : db.Dossiers.AsNoTracking();
        var dossier = await query.FirstOrDefaultAsync(d => d.Id == id, cancellationToken)
            ?? throw ProblemException.NotFound($"Không tìm thấy hồ sơ {id}.");
        var definition = await PinnedAsync(dossier.WorkflowId, dossier.WorkflowVersion, dossier.WorkflowHash, cancellationToken);
        var unitName = await db.Units.Where(u => u.Code == dossier.UnitCode).Select(u => u.Name).SingleAsync(cancellationToken);
        return (dossier, definition, unitName);
    }

    public Task<WorkflowDefinition> PinnedAsync(string id, int version, string hash, CancellationToken cancellationToken) =>
        definitions.GetPinnedAsync(db, id, version, hash, cancellationToken);
}
