using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Engine;
using NtmWorkflow.Engine.Criteria;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;

namespace NtmWorkflow.Web.Seeding;

/// <summary>
/// The demo's programme records for 2024, so the report page shows real figures: the yearly criteria status of the four
/// Trà Cú communes (all NTM, so every NTM criterion met; recorded as demo data, confirmed by the Trà Vinh appraiser) and
/// the province's plan for Tập Sơn and Long Hiệp to reach nâng cao in 2024, whose dossiers are still in self-assessment.
/// Added once, when the year has no records yet.
/// </summary>
internal sealed class DemoProgramme(AppDbContext db)
{
    private const int Year = 2024;
    private const string CriteriaSet = "commune-ntm-2021";
    private const int Criteria = 19;
    private const string Appraiser = "tinh.travinh.thamdinh";
    private const string Note = "Dữ liệu mẫu cho bản trình diễn";

    private static readonly string[] Communes = ["tra-vinh.tra-cu.tap-son", "tra-vinh.tra-cu.long-hiep", "tra-vinh.tra-cu.dai-an", "tra-vinh.tra-cu.ngoc-bien"];
    private static readonly string[] PlannedNangCao = ["tra-vinh.tra-cu.tap-son", "tra-vinh.tra-cu.long-hiep"];

    /// <summary>When the status was recorded and the plan confirmed: early 2024, 09:00 in Vietnam.</summary>
    private static readonly DateTime At = new(2024, 1, 10, 2, 0, 0, DateTimeKind.Utc);

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var units = await db.Units.Where(u => Communes.Contains(u.Code)).ToListAsync(cancellationToken);
        if (units.Count < Communes.Length || await db.CriterionStatuses.AnyAsync(s => Communes.Contains(s.UnitCode) && s.Year == Year, cancellationToken))
        {
            return;
        }
        foreach (var unit in units)
        {
            db.CriterionStatuses.AddRange(Enumerable.Range(1, Criteria).Select(number =>
            {
                var status = new CriterionStatus(unit, Year, CriteriaSet, number, met: true, new Dictionary<string, IndicatorValue>(), Note, null,
                    CriterionStatus.FromCommune, null, Appraiser, At);
                status.Confirm(Appraiser, At);
                return status;
            }));
        }
        if (!await db.AnnualPlans.AnyAsync(p => PlannedNangCao.Contains(p.UnitCode) && p.Year == Year, cancellationToken))
        {
            db.AnnualPlans.AddRange(units.Where(u => PlannedNangCao.Contains(u.Code))
                .Select(u => new AnnualPlan(u, Year, Levels.NtmNangCao, Note, Appraiser, At, confirmed: true)));
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
