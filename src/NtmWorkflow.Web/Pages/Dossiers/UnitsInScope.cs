using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Pages.Dossiers;

/// <summary>The units the dossier pages offer to choose from: the official's own unit and those below it, by name.</summary>
public sealed class UnitsInScope(AppDbContext db, ICurrentActor actors)
{
    /// <summary>More than a province holds; a national official narrows a list by the unit's name instead.</summary>
    private const int Most = 500;

    /// <summary>
    /// All of them, or with <paramref name="dossierSubjectsOnly"/> the communes (xã, not wards) and districts in force, which
    /// dossiers are opened for.
    /// </summary>
    public async Task<IReadOnlyList<AdministrativeUnit>> ListAsync(bool dossierSubjectsOnly, CancellationToken cancellationToken)
    {
        var actor = await actors.RequireAsync(cancellationToken);
        return await db.Units.AsNoTracking()
            .Where(u => u.Path.StartsWith(actor.UnitPath))
            .Where(u => !dossierSubjectsOnly || ((u.Kind == UnitKinds.Commune || u.Kind == UnitKinds.District) && u.DissolvedOn == null))
            .OrderBy(u => u.SearchName)
            .Take(Most)
            .ToListAsync(cancellationToken);
    }
}
