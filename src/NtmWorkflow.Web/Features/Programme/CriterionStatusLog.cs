using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Engine.Criteria;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;

namespace NtmWorkflow.Web.Features.Programme;

/// <summary>
/// Appends a commune's criterion status for a year: the new record becomes the current one and the one it replaces is
/// superseded, in the caller's transaction.
/// </summary>
public sealed class CriterionStatusLog(AppDbContext db, StatusYears years)
{
    /// <summary>
    /// Writers of one commune's statuses queue, so that two records of one criterion sent at once cannot both stay
    /// current: SQLite's transaction already holds the write lock; on PostgreSQL the commune's row is locked (FOR NO
    /// KEY UPDATE, which the foreign keys' checks do not wait for) until the transaction ends.
    /// </summary>
    public async Task QueueForCommuneAsync(string unitCode, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM units WHERE "Code" = {unitCode} FOR NO KEY UPDATE""", cancellationToken);
        }
    }

    public async Task AppendAsync(CriterionStatus record, CancellationToken cancellationToken)
    {
        await QueueForCommuneAsync(record.UnitCode, cancellationToken);
        var replaced = await db.CriterionStatuses
            .Where(s => s.UnitCode == record.UnitCode && s.Year == record.Year && s.Number == record.Number && s.IsCurrent)
            .ToListAsync(cancellationToken);
        foreach (var previous in replaced)
        {
            previous.Supersede();
        }
        db.CriterionStatuses.Add(record);
    }

    /// <summary>
    /// A self-assessment of a commune's dossier counts as the status of the dossier's year when the dossier is judged by
    /// that year's set; a dossier at another level (nâng cao, kiểu mẫu) is not.
    /// </summary>
    public async Task RecordFromDossierAsync(
        Dossier dossier, AdministrativeUnit unit, CriteriaSet set, CriterionClaim claim, string? note, ThresholdContext thresholds,
        Actor actor, DateTime now, CancellationToken cancellationToken)
    {
        if (years.SetIdFor(dossier.Year) != dossier.CriteriaSetId || UnitKinds.Normalize(unit.Kind) != UnitKinds.Commune)
        {
            return;
        }
        var criterion = set.Criteria.Single(c => c.Number == claim.Number);
        await AppendAsync(new CriterionStatus(unit, dossier.Year, set.Id, claim.Number, CriteriaEvaluation.Holds(criterion, claim, thresholds),
            claim.Values, note, claim.Group, CriterionStatus.FromDossier, dossier.Id, actor.UserName, now), cancellationToken);
    }
}
