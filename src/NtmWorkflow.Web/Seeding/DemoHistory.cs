using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Engine;
using NtmWorkflow.Engine.Calendar;
using NtmWorkflow.Engine.Criteria;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Workflows;

namespace NtmWorkflow.Web.Seeding;

/// <summary>
/// The demo's past, from the provinces' reports, on the units as they were before 1 July 2025: Hồng Ngự's communes
/// recognised nâng cao; Đại An and Ngọc Biên recognised nâng cao in 2021–2025 (decision numbers not on record); Tập Sơn
/// and Long Hiệp working on nâng cao for 2024 with one criterion short (Trà Cú district's end-2023 report). Each part is
/// added when missing, and what an earlier release seeded wrongly is corrected, so seeding can run at every start.
/// </summary>
internal sealed class DemoHistory(
    AppDbContext db, DefinitionRegistry definitions, CriteriaRegistry criteria, WorkingCalendar calendar)
{
    private const string TanHoi = "dong-thap.hong-ngu.tan-hoi";
    private const string BinhThanh = "dong-thap.hong-ngu.binh-thanh";
    private const string TapSon = "tra-vinh.tra-cu.tap-son";
    private const string LongHiep = "tra-vinh.tra-cu.long-hiep";
    private const string DaiAn = "tra-vinh.tra-cu.dai-an";
    private const string NgocBien = "tra-vinh.tra-cu.ngoc-bien";
    private const string NewTapSon = "vinh-long.tap-son";
    private const string DongThap = "UBND tỉnh Đồng Tháp";
    private const string Decision694 = "694/QĐ-UBND-HC";
    private const string Signer694 = "Chủ tịch UBND tỉnh Đồng Tháp";
    private const int AdvancedYear = 2024;

    /// <summary>When the two nâng cao dossiers were opened: early 2024, while their communes still existed (09:00 in Vietnam).</summary>
    private static readonly DateTime OpenedAt = new(2024, 1, 15, 2, 0, 0, DateTimeKind.Utc);

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var units = await db.Units.Where(u => new[] { TanHoi, BinhThanh, TapSon, LongHiep, DaiAn, NgocBien }.Contains(u.Code))
            .ToDictionaryAsync(u => u.Code, cancellationToken);
        var held = (await db.Recognitions.Where(r => units.Keys.Contains(r.UnitCode)).Select(r => new { r.UnitCode, r.Level })
            .ToListAsync(cancellationToken)).Select(r => (r.UnitCode, r.Level)).ToHashSet();
        var recognitions = new[]
        {
            Recognition.Imported(units[TanHoi], Levels.Ntm, null),
            Recognition.Imported(units[TanHoi], Levels.NtmNangCao, 2022, Decision694, new DateOnly(2023, 6, 30), Signer694,
                new DateOnly(2023, 7, 18), "UBND xã Tân Hội"),
            Recognition.Imported(units[BinhThanh], Levels.Ntm, null),
            Recognition.Imported(units[BinhThanh], Levels.NtmNangCao, 2023, "141/QĐ-UBND-HC", new DateOnly(2024, 2, 16), DongThap),
            Recognition.Imported(units[TapSon], Levels.Ntm, null),
            Recognition.Imported(units[LongHiep], Levels.Ntm, null),
            Recognition.Imported(units[DaiAn], Levels.Ntm, null),
            Recognition.Imported(units[DaiAn], Levels.NtmNangCao, null),
            Recognition.Imported(units[NgocBien], Levels.Ntm, null),
            Recognition.Imported(units[NgocBien], Levels.NtmNangCao, null),
        };
        db.Recognitions.AddRange(recognitions.Where(r => !held.Contains((r.UnitCode, r.Level))));
        // An earlier release named the issuing authority as 694's signer and no ceremony place.
        await db.Recognitions.Where(r => r.DecisionNumber == Decision694 && r.DecisionSigner == DongThap)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.DecisionSigner, Signer694).SetProperty(r => r.CeremonyPlace, "UBND xã Tân Hội"),
                cancellationToken);
        await OpenAdvancedDossierAsync(units[TapSon], "xa.tapson", unmet: 13, cancellationToken);
        await OpenAdvancedDossierAsync(units[LongHiep], "xa.longhiep", unmet: 18, cancellationToken);
        await PlaceNewTapSonInAGroupAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The merged Xã Tập Sơn (Vĩnh Long) in a commune group, so the demo can open a 2026 dossier on the new criteria.
    /// Which group it is in was not found: the assignment says it is demo data, not a province's decision.
    /// </summary>
    private async Task PlaceNewTapSonInAGroupAsync(CancellationToken cancellationToken)
    {
        if (await db.CommuneGroups.AnyAsync(g => g.UnitCode == NewTapSon, cancellationToken)
            || !await db.Units.AnyAsync(u => u.Code == NewTapSon, cancellationToken))
        {
            return;
        }
        db.CommuneGroups.Add(new CommuneGroupAssignment(NewTapSon, "nhom-2", "Dữ liệu mẫu (không phải quyết định thật)",
            new DateOnly(2026, 2, 15), new DateOnly(2026, 2, 15), "Nhóm giả định cho bản trình diễn; tỉnh ghi nhóm thật theo quyết định của mình.",
            new Actor("admin", [Roles.Administrator], "vn", "/vn/"), new DateTime(2026, 2, 15, 2, 0, 0, DateTimeKind.Utc)));
    }

    /// <summary>Opens the commune's nâng cao dossier on the three-tier procedure, or corrects the year an earlier release gave it.</summary>
    private async Task OpenAdvancedDossierAsync(AdministrativeUnit unit, string officer, int unmet, CancellationToken cancellationToken)
    {
        var existing = db.Dossiers.Where(d => d.UnitCode == unit.Code && d.Level == Levels.NtmNangCao && d.CreatedBy == officer);
        if (await existing.AnyAsync(cancellationToken))
        {
            await existing.Where(d => d.Year == AdvancedYear - 1).ExecuteUpdateAsync(s => s.SetProperty(d => d.Year, AdvancedYear), cancellationToken);
            return;
        }
        var definition = definitions.FindCurrent("commune-ntm")!;
        var actor = new Actor(officer, [Roles.CommuneOfficer], unit.Code, unit.Path);
        var dossier = Dossier.Open(unit, Levels.NtmNangCao, AdvancedYear, definition, criteria.Current, actor, OpenedAt, calendar);
        var set = criteria.Current(dossier.CriteriaSetId);
        var claims = new Dictionary<int, CriterionClaim>();
        db.Dossiers.Add(dossier);
        foreach (var criterion in set.Criteria)
        {
            var claim = new CriterionClaim(criterion.Number, criterion.Number != unmet, new Dictionary<string, IndicatorValue>());
            var explanation = claim.Met ? null : "Chưa đạt theo báo cáo cuối năm 2023 của huyện Trà Cú.";
            db.CriterionEntries.Add(dossier.AssessCriterion(definition, set, claim, explanation, claims, dossier.Thresholds(unit, null), actor, OpenedAt));
        }
    }
}
