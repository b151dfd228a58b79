using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Engine.Calendar;
using NtmWorkflow.Engine.Criteria;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Units;

/// <summary>
/// Which commune group (nhóm xã) a commune is in on a given day, and the record of its assignments. The group is a
/// dated fact set by the province, never derived: the assignment in force on a day is the one with the latest
/// valid-from not after it, and of two with the same valid-from the one recorded later.
/// </summary>
public sealed class CommuneGroups(AppDbContext db, ICommuneGroupCodes codes, TimeProvider clock)
{
    /// <summary>Today in Vietnam, the day "current" means.</summary>
    public DateOnly Today => WorkingCalendar.ToVietnamDate(clock.GetUtcNow().UtcDateTime);

    public Task<CommuneGroupAssignment?> OnAsync(string unitCode, DateOnly date, CancellationToken cancellationToken) =>
        Newest(unitCode).Where(a => a.ValidFrom <= date).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Every assignment of the unit, the latest valid-from first (the latest recorded first within a day).</summary>
    public Task<List<CommuneGroupAssignment>> ListAsync(string unitCode, CancellationToken cancellationToken) =>
        Newest(unitCode).ToListAsync(cancellationToken);

    /// <summary>The assignment in force today, as the API shows it.</summary>
    public async Task<CommuneGroupView?> TodayAsync(string unitCode, CancellationToken cancellationToken) =>
        await OnAsync(unitCode, Today, cancellationToken) is { } assignment ? View(assignment) : null;

    public CommuneGroupView View(CommuneGroupAssignment a) => new(
        a.Id, a.Group, codes.Find(a.Group)?.Name ?? a.Group, a.DecisionNumber, a.DecisionDate, a.ValidFrom, a.Note, a.RecordedBy, a.RecordedAt);

    /// <summary>
    /// What the dossier's thresholds are read with: its unit's region, its year and, for a set whose thresholds are
    /// keyed by commune group, the group in force today (a 409 when the commune has none).
    /// </summary>
    public async Task<ThresholdContext> ThresholdsAsync(
        Dossier dossier, AdministrativeUnit unit, CriteriaSet set, CancellationToken cancellationToken) =>
        Thresholds(dossier, unit, set, set.NeedsGroup ? (await OnAsync(unit.Code, Today, cancellationToken))?.Group : null);

    /// <summary>The same, from the group in force today already read.</summary>
    public ThresholdContext Thresholds(Dossier dossier, AdministrativeUnit unit, CriteriaSet set, string? groupToday) =>
        dossier.Thresholds(unit, set.NeedsGroup ? Required(unit, set, groupToday) : null);

    /// <summary>The commune's group in force today, which a set keyed by group cannot judge without.</summary>
    /// <exception cref="ProblemException">409 naming the commune, the day, the set and who records a group.</exception>
    public async Task<string> RequiredAsync(AdministrativeUnit unit, CriteriaSet set, CancellationToken cancellationToken) =>
        Required(unit, set, (await OnAsync(unit.Code, Today, cancellationToken))?.Group);

    private string Required(AdministrativeUnit unit, CriteriaSet set, string? groupToday) =>
        groupToday
        ?? throw ProblemException.Conflict(
            $"{unit.Name} chưa được xếp nhóm xã có hiệu lực ngày {Today:dd/MM/yyyy}, mà {set.Title} đặt ngưỡng chỉ tiêu theo nhóm xã. " +
            $"Cán bộ thẩm định cấp tỉnh hoặc quản trị viên ghi nhóm xã (kèm số, ngày quyết định) tại trang Nhóm xã của đơn vị (/Units/{unit.Code}/Groups).");

    /// <summary>
    /// Whether the unit is placed in commune groups: a xã in force is; provinces, districts, wards, hamlets and units
    /// that ended (merged or dissolved) are not.
    /// </summary>
    public static bool Assignable(string unitKind, DateOnly? endedOn) => unitKind == UnitKinds.Commune && endedOn is null;

    // Ids grow with every insert, so the greater id of one day is the later recorded.
    private IQueryable<CommuneGroupAssignment> Newest(string unitCode) =>
        db.CommuneGroups.AsNoTracking()
            .Where(a => a.UnitCode == unitCode)
            .OrderByDescending(a => a.ValidFrom)
            .ThenByDescending(a => a.Id);
}

/// <summary>One assignment as the API shows it.</summary>
/// <param name="GroupName">The group's name from the groups file; its code when the file no longer lists it.</param>
public sealed record CommuneGroupView(
    long Id, string Group, string GroupName, string DecisionNumber, DateOnly DecisionDate, DateOnly ValidFrom, string? Note,
    string RecordedBy, DateTime RecordedAt);
