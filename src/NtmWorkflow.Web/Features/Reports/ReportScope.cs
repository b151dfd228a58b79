using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Engine.Calendar;
using NtmWorkflow.Engine.Periods;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Reports;

/// <summary>
/// What a programme report covers: a unit's subtree, a year and the period that year belongs to. The communes counted
/// are those in force on <see cref="ReferenceDay"/>: the year's last day, or today for the current year (and a year
/// not yet ended), so a year before the 2025 reorganisation counts the communes of then and a year after it those of
/// since.
/// </summary>
public sealed record ReportScope(AdministrativeUnit Unit, int Year, ProgrammePeriod Period, DateOnly ReferenceDay)
{
    /// <summary>The scope a caller asks for: the unit they name, or their own unit when they name none.</summary>
    public static string CodeFor(string? scope, ClaimsPrincipal user) =>
        string.IsNullOrWhiteSpace(scope) ? user.FindFirstValue(HttpCurrentActor.UnitClaim) ?? "" : scope.Trim();

    /// <summary>The year a report defaults to: the current year in Vietnam.</summary>
    public static int CurrentYear(TimeProvider clock) => WorkingCalendar.ToVietnamDate(clock.GetUtcNow().UtcDateTime).Year;

    /// <summary>The scope of a request whose unit the authorization behaviour has already found inside the caller's.</summary>
    public static async Task<ReportScope> ResolveAsync(
        AppDbContext db, PeriodCatalog periods, TimeProvider clock, string unitCode, int? year, CancellationToken cancellationToken)
    {
        var today = WorkingCalendar.ToVietnamDate(clock.GetUtcNow().UtcDateTime);
        var reportYear = year ?? today.Year;
        var period = periods.ForYear(reportYear) ?? throw ProblemException.BadRequest("year",
            $"Năm {reportYear} không thuộc giai đoạn nào của chương trình ({periods.Ranges}).");
        var unit = await db.Units.AsNoTracking().FirstAsync(u => u.Code == unitCode, cancellationToken);
        var yearEnd = new DateOnly(reportYear, 12, 31);
        return new ReportScope(unit, reportYear, period, yearEnd < today ? yearEnd : today);
    }
}
