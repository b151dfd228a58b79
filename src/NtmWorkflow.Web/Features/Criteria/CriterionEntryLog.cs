using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;

namespace NtmWorkflow.Web.Features.Criteria;

/// <summary>Appends a criterion's self-assessment or verdict and makes it the current one of its key.</summary>
internal static class CriterionEntryLog
{
    /// <summary>
    /// Called in the command's transaction, with the dossier locked: the entry it replaces stops being current before the
    /// new one is inserted, so the unique current-key indexes never see two, and a failed command leaves neither change.
    /// </summary>
    public static async Task AppendAsync(this AppDbContext db, CriterionEntry entry, CancellationToken cancellationToken)
    {
        await db.CriterionEntries
            .Where(e => e.DossierId == entry.DossierId && e.Number == entry.Number && e.Kind == entry.Kind && e.IsCurrent
                && (e.Kind == CriterionEntry.SelfAssessment || e.Stage == entry.Stage))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.IsCurrent, false), cancellationToken);
        db.CriterionEntries.Add(entry);
    }
}
