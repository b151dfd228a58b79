using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NtmWorkflow.Engine;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;

namespace NtmWorkflow.Web.Tests.Support;

/// <summary>
/// A province whose report answers are known by construction. Tỉnh Báo Cáo has communes "Xã 01" … "Xã 15" in force all
/// along, "Xã 16" dissolved on 01/07/2024, "Xã 17" formed on 01/07/2025 and a ward. For 2024 (19 criteria): all 15
/// recognised NTM, Xã 01 and Xã 02 nâng cao for 2024 (Xã 03's nâng cao revoked on 01/06/2024, Xã 04's is for 2025);
/// criteria met 19,19,19 | 15,16,17,18,18,16,15 | 10,11,12,13,14 (criteria 1…m met), Xã 15's records unconfirmed;
/// nâng cao planned for Xã 01, 02 and 06 (confirmed), Xã 07 proposed, Xã 08 withdrawn; for 2023, Xã 03's nâng cao
/// planned (confirmed, achieved by the recognition revoked the next year). For 2026 (10 criteria): Xã
/// 01–11 recognised NTM for 2026 and Xã 01 hiện đại; criteria met 10 ×4 (Xã 01–04), 7 ×5 (Xã 05–09), 3 (Xã 10), none
/// recorded for the six others.
/// </summary>
public sealed class ReportWorld : NtmApp
{
    public const string Province = "bao-cao";
    public const string ProvinceOfficial = "tinh.baocao";
    public const string CommuneOfficer = "xa.baocao01";

    public static readonly int[] Met2024 = [19, 19, 19, 15, 16, 17, 18, 18, 16, 15, 10, 11, 12, 13, 14];

    private Task? seeded;

    public static string Commune(int n) => $"{Province}.xa-{n:00}";

    public static string Name(int n) => $"Xã {n:00}";

    /// <summary>A client of the province's appraiser once the world is seeded.</summary>
    public async Task<HttpClient> Official(string user = ProvinceOfficial)
    {
        await (seeded ??= SeedAsync());
        return await As(user);
    }

    private async Task SeedAsync()
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var root = await db.Units.FindAsync("vn") ?? throw new InvalidOperationException("vn");
        var province = new AdministrativeUnit(Province, "Tỉnh Báo Cáo", UnitKinds.Province, root);
        var communes = Enumerable.Range(1, 15).Select(n => new AdministrativeUnit(Commune(n), Name(n), UnitKinds.Xa, province)).ToList();
        var dissolved = new AdministrativeUnit(Commune(16), Name(16), UnitKinds.Xa, province);
        dissolved.Dissolve(new DateOnly(2024, 7, 1), null, null);
        var formed = new AdministrativeUnit(Commune(17), Name(17), UnitKinds.Xa, province, validFrom: new DateOnly(2025, 7, 1));
        var ward = new AdministrativeUnit($"{Province}.phuong-01", "Phường 01", UnitKinds.Phuong, province);
        db.Units.AddRange([province, .. communes, dissolved, formed, ward]);

        var at = new DateTime(2025, 1, 10, 2, 0, 0, DateTimeKind.Utc);
        var import = new RecognitionImport("lich-su.xlsx", new string('0', 64), new Actor("test", [Roles.Administrator], "vn", "/vn/"), at, "[]", 1);
        db.RecognitionImports.Add(import);
        db.Recognitions.AddRange(communes.Select((c, i) => Recognition.Imported(c, Levels.Ntm, 2019 + i % 5)));
        db.Recognitions.AddRange(
            Recognition.Imported(dissolved, Levels.Ntm, 2020),
            Recognition.Imported(communes[0], Levels.NtmNangCao, 2024),
            Recognition.Imported(communes[1], Levels.NtmNangCao, 2024),
            Recognition.FromImport(import.Id, communes[2], Name(3), Levels.NtmNangCao, 2023,
                new RecordedDecision("1/QĐ-UBND", new DateOnly(2023, 5, 1), "Chủ tịch"), null, null,
                new RecordedDecision("9/QĐ-UBND", new DateOnly(2024, 6, 1), "Chủ tịch")),
            Recognition.Imported(communes[3], Levels.NtmNangCao, 2025));
        db.Recognitions.AddRange(communes.Take(11).Select(c => Recognition.Imported(c, Levels.Ntm, 2026)));
        db.Recognitions.Add(Recognition.Imported(communes[0], Levels.NtmHienDai, 2026));

        for (var i = 0; i < communes.Count; i++)
        {
            db.CriterionStatuses.AddRange(Statuses(communes[i], 2024, "commune-ntm-2021", 19, Met2024[i], confirmed: i != 14, at));
        }
        var superseded = new CriterionStatus(communes[0], 2024, "commune-ntm-2021", 1, false, new Dictionary<string, NtmWorkflow.Engine.Criteria.IndicatorValue>(),
            null, null, CriterionStatus.FromCommune, null, "test", at.AddDays(-5));
        superseded.Supersede();
        db.CriterionStatuses.Add(superseded);
        db.CriterionStatuses.AddRange(Statuses(communes[11], 2024, "commune-ntm-nang-cao-2021", 19, 0, confirmed: true, at));
        int[] met2026 = [10, 10, 10, 10, 7, 7, 7, 7, 7, 3];
        for (var i = 0; i < met2026.Length; i++)
        {
            db.CriterionStatuses.AddRange(Statuses(communes[i], 2026, "commune-ntm-2026-2030", 10, met2026[i], confirmed: true, at));
        }

        db.AnnualPlans.AddRange(new[] { 0, 1, 5 }.Select(i => new AnnualPlan(communes[i], 2024, Levels.NtmNangCao, null, "test", at, confirmed: true)));
        db.AnnualPlans.Add(new AnnualPlan(communes[6], 2024, Levels.NtmNangCao, null, "test", at, confirmed: false));
        db.AnnualPlans.Add(new AnnualPlan(communes[2], 2023, Levels.NtmNangCao, null, "test", at, confirmed: true));
        var withdrawn = new AnnualPlan(communes[7], 2024, Levels.NtmNangCao, null, "test", at, confirmed: true);
        withdrawn.Withdraw("test", at);
        db.AnnualPlans.Add(withdrawn);
        await db.SaveChangesAsync();

        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        await AddUser(users, ProvinceOfficial, province, Roles.ProvinceAppraiser);
        await AddUser(users, CommuneOfficer, communes[0], Roles.CommuneOfficer);
    }

    private static IEnumerable<CriterionStatus> Statuses(AdministrativeUnit commune, int year, string set, int total, int met, bool confirmed, DateTime at) =>
        Enumerable.Range(1, total).Select(number =>
        {
            var status = new CriterionStatus(commune, year, set, number, number <= met, new Dictionary<string, NtmWorkflow.Engine.Criteria.IndicatorValue>(),
                null, null, CriterionStatus.FromCommune, null, "test", at);
            if (confirmed)
            {
                status.Confirm("test", at);
            }
            return status;
        });

    private static async Task AddUser(UserManager<AppUser> users, string name, AdministrativeUnit unit, string role)
    {
        var user = new AppUser { UserName = name, FullName = name, UnitCode = unit.Code };
        var created = await users.CreateAsync(user, Password);
        var added = created.Succeeded ? await users.AddToRoleAsync(user, role) : created;
        if (!added.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", added.Errors.Select(e => e.Description)));
        }
    }
}
