using NtmWorkflow.Engine.Periods;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Workflows;

namespace NtmWorkflow.Web.Features.Reports;

/// <summary>Reads what a report's figures are computed from, for the report, its lists and its exports alike.</summary>
public sealed class ReportReader(AppDbContext db, PeriodCatalog periods, CriteriaRegistry criteria, TimeProvider clock)
{
    /// <summary>The data of a unit the authorization behaviour has found inside the caller's, for a year (the current one by default).</summary>
    public async Task<ReportData> ReadAsync(string unitCode, int? year, CancellationToken cancellationToken) =>
        await ReportData.LoadAsync(db, criteria, await ReportScope.ResolveAsync(db, periods, clock, unitCode, year, cancellationToken), cancellationToken);
}
