using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Engine;
using NtmWorkflow.Engine.Criteria;
using NtmWorkflow.Engine.Periods;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Features.Units;
using NtmWorkflow.Web.Infrastructure;
using NtmWorkflow.Web.Workflows;

namespace NtmWorkflow.Web.Features.Programme;

/// <summary>A commune and a year whose criteria status is recorded, with the set of the year's period it is judged by.</summary>
public sealed record StatusYear(AdministrativeUnit Unit, int Year, ProgrammePeriod Period, CriteriaSet Set);

/// <summary>
/// Which criteria a commune's status for a year is recorded against: the set programme/periods.yaml names for communes
/// at the NTM level in the period that covers the year (19 criteria for 2021–2025, 10 for 2026–2030).
/// </summary>
public sealed class StatusYears(AppDbContext db, PeriodCatalog periods, CriteriaRegistry criteria, CommuneGroups groups)
{
    /// <summary>The set's id for a year; null for a year no period covers or a period that names no such set.</summary>
    public string? SetIdFor(int year) =>
        periods.ForYear(year)?.Subjects.GetValueOrDefault(Subjects.Commune)?.Levels.GetValueOrDefault(Levels.Ntm)?.CriteriaSet;

    /// <summary>The commune and the year's set; the unit exists (the request's authorization found it).</summary>
    /// <exception cref="ProblemException">400 on <c>year</c> outside every period; 409 for a unit that is not a commune in force that year.</exception>
    public async Task<StatusYear> ResolveAsync(string unitCode, int year, CancellationToken cancellationToken)
    {
        var period = periods.ForYear(year)
            ?? throw ProblemException.BadRequest("year", $"Năm {year} không thuộc giai đoạn nào của Chương trình ({periods.Ranges}).");
        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Code == unitCode, cancellationToken);
        if (UnitKinds.Normalize(unit.Kind) != UnitKinds.Commune)
        {
            throw ProblemException.Conflict(
                $"'{unit.Name}' (cấp {UnitKinds.VietnameseName(unit.Kind)}) không phải xã: chỉ xã mới ghi tình trạng tiêu chí nông thôn mới hằng năm.");
        }
        if (unit.DissolvedOn is { } ended && ended.Year < year)
        {
            throw ProblemException.Conflict(
                $"'{unit.Name}' đã kết thúc ngày {ended:dd/MM/yyyy} (sáp nhập hoặc giải thể): không có tình trạng tiêu chí năm {year}.");
        }
        var setId = SetIdFor(year)
            ?? throw ProblemException.Conflict(
                $"{period.Title} không có bộ tiêu chí xã nông thôn mới trong hệ thống: chưa ghi được tình trạng tiêu chí năm {year}.");
        return new StatusYear(unit, year, period, criteria.Current(setId));
    }

    /// <summary>
    /// What the year's thresholds are read with: the commune's region, the year and, for a set keyed by commune group,
    /// the group in force today, as for a dossier's self-assessment (a 409 when the commune has none).
    /// </summary>
    public async Task<(ThresholdContext Thresholds, CommuneGroupView? Group)> ThresholdsAsync(StatusYear status, CancellationToken cancellationToken)
    {
        var today = await groups.TodayAsync(status.Unit.Code, cancellationToken);
        var group = status.Set.NeedsGroup ? today?.Group ?? await groups.RequiredAsync(status.Unit, status.Set, cancellationToken) : null;
        return (new ThresholdContext(status.Unit.Region, group, status.Year), today);
    }
}
