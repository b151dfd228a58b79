using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Engine;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;

namespace NtmWorkflow.Web.Features.Dossiers;

/// <summary>Keeps the register of recognitions in step with dossiers, in the transaction of the move that recognised them.</summary>
internal sealed class RecognitionRegister(AppDbContext db)
{
    public async Task RecordAsync(Dossier dossier, AdministrativeUnit unit, CancellationToken cancellationToken)
    {
        if (dossier.Status == DossierStatuses.Revoked && dossier.DecisionNumber is not null)
        {
            // The recognition this dossier revokes, or revoked already (when its decision is corrected).
            var standing = await db.Recognitions.Where(r => r.UnitCode == dossier.UnitCode && r.Level == dossier.Level)
                .Where(Recognition.Standing.Or(r => r.RevokedByDossierId == dossier.Id)).FirstAsync(cancellationToken);
            standing.Revoke(dossier);
            return;
        }
        if (dossier.Status != DossierStatuses.Recognised || dossier.DecisionNumber is null)
        {
            return;
        }
        var recognition = await db.Recognitions.FirstOrDefaultAsync(r => r.DossierId == dossier.Id, cancellationToken);
        if (recognition is null)
        {
            db.Recognitions.Add(Recognition.Of(dossier, unit));
        }
        else
        {
            recognition.Update(dossier);
        }
    }
}
