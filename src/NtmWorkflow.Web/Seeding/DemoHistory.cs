using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Engine;
using NtmWorkflow.Engine.Calendar;
using NtmWorkflow.Engine.Criteria;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Workflows;

namespace NtmWorkflow.Web.Seeding;

/// <summary>
/// The demo's past, from the provinces' reports: Hồng Ngự's communes recognised nâng cao, and two Trà Cú communes
/// working on nâng cao with one criterion short (Trà Cú district's 2023 report). Seeded once, with the demo users.
/// </summary>
internal sealed class DemoHistory(
    AppDbContext db, DefinitionRegistry definitions, CriteriaRegistry criteria, WorkingCalendar calendar, TimeProvider clock)
{
    private const string TanHoi = "dong-thap.hong-ngu.tan-hoi";
    private const string BinhThanh = "dong-thap.hong-ngu.binh-thanh";
    private const string TapSon = "tra-vinh.tra-cu.tap-son";
    private const string LongHiep = "tra-vinh.tra-cu.long-hiep";
    private const string DongThap = "UBND tỉnh Đồng Tháp";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Recognitions.AnyAsync(r => r.UnitCode == TanHoi, cancellationToken))
        {
            return;
        }
        var units = await db.Units.Where(u => new[] { TanHoi, BinhThanh, TapSon, LongHiep }.Contains(u.Code))
            .ToDictionaryAsync(u => u.Code, cancellationToken);
        db.Recognitions.AddRange(
            Recognition.Imported(units[TanHoi], Levels.Ntm, null),
            Recognition.Imported(units[TanHoi], Levels.NtmNangCao, 2022, "694/QĐ-UBND-HC", new DateOnly(2023, 6, 30), DongThap,
                new DateOnly(2023, 7, 18)),
            Recognition.Imported(units[BinhThanh], Levels.Ntm, null),
            Recognition.Imported(units[BinhThanh], Levels.NtmNangCao, 2023, "141/QĐ-UBND-HC", new DateOnly(2024, 2, 16), DongThap),
            Recognition.Imported(units[TapSon], Levels.Ntm, null),
            Recognition.Imported(units[LongHiep], Levels.Ntm, null));
        OpenAdvancedDossier(units[TapSon], "xa.tapson", unmet: 13);
        OpenAdvancedDossier(units[LongHiep], "xa.longhiep", unmet: 18);
        await db.SaveChangesAsync(cancellationToken);
    }

    private void OpenAdvancedDossier(AdministrativeUnit unit, string officer, int unmet)
    {
        var definition = definitions.FindCurrent("commune-ntm")!;
        var actor = new Actor(officer, [Roles.CommuneOfficer], unit.Code, unit.Path);
        var now = clock.GetUtcNow().UtcDateTime;
        var dossier = Dossier.Open(unit, Levels.NtmNangCao, 2023, definition, criteria.Current, actor, now, calendar);
        var set = criteria.Current(dossier.CriteriaSetId);
        var claims = new Dictionary<int, CriterionClaim>();
        db.Dossiers.Add(dossier);
        foreach (var criterion in set.Criteria)
        {
            var claim = new CriterionClaim(criterion.Number, criterion.Number != unmet, new Dictionary<string, IndicatorValue>());
            var explanation = claim.Met ? null : "Chưa đạt theo báo cáo năm 2023 của huyện Trà Cú.";
            db.CriterionEntries.Add(dossier.AssessCriterion(definition, set, claim, explanation, claims, dossier.Thresholds(unit, null), actor, now));
        }
    }
}
