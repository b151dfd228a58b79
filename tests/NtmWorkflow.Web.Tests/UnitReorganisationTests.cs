using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NtmWorkflow.Engine;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>
/// Units after 1 July 2025: the reorganisation of the units file applied at start-up, the administrator's merges, moves
/// and dissolutions (scopes follow, bad input changes nothing), and what may no longer open a dossier.
/// </summary>
public sealed class UnitReorganisationTests(NtmApp app) : IClassFixture<NtmApp>
{
    private const string Admin = "admin";
    private static int counter;
    private readonly Procedure procedure = new(app);

    [Fact]
    public async Task TraVinhLiesUnderVinhLong_SoATraCuDossierIsSeenByVinhLongAndStillByTraCu()
    {
        var commune = await app.NewCommune("tra-vinh.tra-cu");
        var dossier = await procedure.Create(commune, qualify: false);

        foreach (var official in new[] { "tinh.vinhlong.thamdinh", "tinh.vinhlong.lanhdao", "huyen.tracu", "tinh.travinh.thamdinh" })
        {
            Assert.Equal(HttpStatusCode.OK, (await (await app.As(official)).GetAsync($"/api/dossiers/{Procedure.Id(dossier)}")).StatusCode);
        }
        await ProblemAssert.Is(HttpStatusCode.Forbidden,
            await (await app.As("tinh.dongthap.thamdinh")).GetAsync($"/api/dossiers/{Procedure.Id(dossier)}"));
    }

    [Fact]
    public async Task AMove_CarriesTheSubtreesDossiersAndRecognitions_AndTheScopesFollowAtOnce()
    {
        var (from, to) = (await AddUnit("province", "vn"), await AddUnit("province", "vn"));
        var district = await AddUnit("district", from);
        var commune = await AddUnit("xa", district);
        var officer = await AddUser("commune-officer", commune);
        var (oldAppraiser, newAppraiser) = (await AddUser("province-appraiser", from), await AddUser("province-appraiser", to));
        var dossier = await procedure.Create(new TestUnit(commune, "Xã Thử", officer), qualify: false);
        await AddRecognition(commune, "12/QĐ-UBND-DI");
        Assert.Equal(HttpStatusCode.OK, (await (await app.As(officer)).GetAsync($"/api/dossiers/{Procedure.Id(dossier)}")).StatusCode);

        var moved = await Procedure.Must(await (await app.As(Admin)).PostAsJsonAsync($"/api/admin/units/{district}/move",
            new { parentCode = to, resolution = "1/NQ-THU", effectiveOn = "2025-07-01" }));

        Assert.Equal(to, moved.GetProperty("parentCode").GetString());
        Assert.Equal(HttpStatusCode.OK, (await (await app.As(officer)).GetAsync($"/api/dossiers/{Procedure.Id(dossier)}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.As(newAppraiser)).GetAsync($"/api/dossiers/{Procedure.Id(dossier)}")).StatusCode);
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await (await app.As(oldAppraiser)).GetAsync($"/api/dossiers/{Procedure.Id(dossier)}"));
        Assert.Contains(await RegistryNumbers(to), n => n == "12/QĐ-UBND-DI");
        Assert.DoesNotContain(await RegistryNumbers(from), n => n == "12/QĐ-UBND-DI");
        var history = await Lineage(Admin, district);
        var change = Assert.Single(history.GetProperty("changes").EnumerateArray(), c => c.GetProperty("kind").GetString() == "move");
        Assert.Equal(from, change.GetProperty("fromParentCode").GetString());
        Assert.Equal(to, change.GetProperty("toParentCode").GetString());
        Assert.Equal(Admin, change.GetProperty("actor").GetString());
    }

    [Fact]
    public async Task AMerge_EndsTheUnit_TheSuccessorShowsItsHistory_AndNoNewDossierOpensForIt()
    {
        var district = await AddUnit("district", "dong-thap");
        var (absorbed, successor) = (await AddUnit("xa", district), await AddUnit("phuong", "dong-thap"));
        var officer = await AddUser("commune-officer", absorbed);
        var dossier = await procedure.Create(new TestUnit(absorbed, "Xã Thử", officer), qualify: false);

        var merged = await Procedure.Must(await (await app.As(Admin)).PostAsJsonAsync($"/api/admin/units/{absorbed}/merge",
            new { into = successor, resolution = "2/NQ-THU", resolutionDate = "2025-06-16", effectiveOn = "2025-07-01" }));

        Assert.Equal("2025-07-01", merged.GetProperty("dissolvedOn").GetString());
        Assert.Equal(successor, merged.GetProperty("successorCode").GetString());
        var lineage = await Lineage(Admin, successor);
        var predecessor = Assert.Single(lineage.GetProperty("predecessors").EnumerateArray());
        Assert.Equal("2/NQ-THU", predecessor.GetProperty("resolution").GetString());
        Assert.Equal(Procedure.Id(dossier), Assert.Single(lineage.GetProperty("dossiers").EnumerateArray()).GetProperty("id").GetString());
        var refused = await ProblemAssert.Is(HttpStatusCode.Conflict, await (await app.As(officer)).PostAsJsonAsync("/api/dossiers",
            new { unitCode = absorbed, level = "ntm-nang-cao", year = 2025 }));
        Assert.Contains(successor, refused.Detail());
        Assert.Contains("2/NQ-THU", refused.Detail());
        // The dossier under way when the unit was merged goes on.
        Assert.Equal(HttpStatusCode.OK, (await (await app.As(officer)).GetAsync($"/api/dossiers/{Procedure.Id(dossier)}")).StatusCode);
    }

    [Fact]
    public async Task EveryBadReorganisation_IsRefusedWithItsStatus_AndChangesNothing()
    {
        var district = await AddUnit("district", "dong-thap");
        var commune = await AddUnit("xa", district);
        var admin = await app.As(Admin);
        var before = await Lineage(Admin, district);
        var merge = new { resolution = "3/NQ-THU", effectiveOn = "2025-07-01" };

        (HttpStatusCode Status, string Path, object Body)[] cases =
        [
            (HttpStatusCode.BadRequest, $"{district}/merge", new { into = district, merge.resolution, merge.effectiveOn }),
            (HttpStatusCode.BadRequest, $"{district}/merge", new { into = "dong-thap", merge.resolution, merge.effectiveOn }),
            (HttpStatusCode.BadRequest, $"{district}/merge", new { into = "tra-vinh.tra-cu", merge.resolution, merge.effectiveOn }),
            (HttpStatusCode.BadRequest, $"{district}/merge", new { into = "khong-co", merge.resolution, merge.effectiveOn }),
            (HttpStatusCode.BadRequest, $"{district}/merge", new { into = "thanh-hoa.trieu-son", merge.effectiveOn }),
            (HttpStatusCode.BadRequest, $"{district}/move", new { parentCode = commune }),
            (HttpStatusCode.BadRequest, $"{district}/move", new { parentCode = district }),
            (HttpStatusCode.BadRequest, $"{district}/move", new { parentCode = "vinh-long.tap-son" }),
            (HttpStatusCode.BadRequest, $"{district}/move", new { parentCode = "tra-vinh" }),
            (HttpStatusCode.BadRequest, $"{district}/dissolve", new { merge.resolution }),
            (HttpStatusCode.BadRequest, $"{commune}/merge", new { into = "vinh-long.tap-son", merge.resolution, merge.effectiveOn }),
            (HttpStatusCode.BadRequest, "vn/dissolve", merge),
            (HttpStatusCode.BadRequest, "vn/move", new { parentCode = "dong-thap" }),
            (HttpStatusCode.NotFound, "khong-co/dissolve", merge),
            (HttpStatusCode.Conflict, "tra-vinh.tra-cu/dissolve", merge),
            (HttpStatusCode.Conflict, "tra-vinh.tra-cu.dai-an/merge", new { into = "vinh-long.long-hiep", merge.resolution, merge.effectiveOn }),
        ];
        foreach (var (status, path, body) in cases)
        {
            await ProblemAssert.Is(status, await admin.PostAsJsonAsync($"/api/admin/units/{path}", body));
        }

        var after = await Lineage(Admin, district);
        Assert.Equal(before.GetProperty("unit").ToString(), after.GetProperty("unit").ToString());
        Assert.Equal(before.GetProperty("changes").GetArrayLength(), after.GetProperty("changes").GetArrayLength());
        var daiAn = await Lineage(Admin, "tra-vinh.tra-cu.dai-an");
        Assert.Equal("vinh-long.dai-an", daiAn.GetProperty("unit").GetProperty("successorCode").GetString());
        Assert.Equal(JsonValueKind.Null, (await Lineage(Admin, "vn")).GetProperty("unit").GetProperty("dissolvedOn").ValueKind);
        Assert.Equal(JsonValueKind.Null, (await Lineage(Admin, commune)).GetProperty("unit").GetProperty("successorCode").ValueKind);
    }

    [Fact]
    public async Task AMergedCommune_IsPlacedInNoGroup_AndItsRefusalSaysIntoWhatItMerged()
    {
        var group = await ProblemAssert.Is(HttpStatusCode.Conflict, await (await app.As(Admin)).PostAsJsonAsync(
            "/api/units/tra-vinh.tra-cu.tap-son/groups",
            new { group = "nhom-3", decisionNumber = "99/QĐ-UBND", decisionDate = "2026-02-20", validFrom = "2026-02-20" }));
        var dossier = await ProblemAssert.Is(HttpStatusCode.Conflict, await (await app.As("xa.tapson")).PostAsJsonAsync("/api/dossiers",
            new { unitCode = "tra-vinh.tra-cu.tap-son", level = "ntm", year = 2026 }));

        Assert.Contains("đã kết thúc ngày 01/07/2025", group.Detail());
        Assert.Contains("đã nhập vào đơn vị mã vinh-long.tap-son từ ngày 01/07/2025 theo 1687/NQ-UBTVQH15", dossier.Detail());
        var groups = await (await app.As(Admin)).GetFromJsonAsync<JsonElement>("/api/units/tra-vinh.tra-cu.tap-son/groups");
        Assert.False(groups.GetProperty("assignable").GetBoolean());
    }

    [Fact]
    public async Task AWard_IsNoSubjectOfCommuneRecognition()
    {
        var officer = await AddUser("commune-officer", "dong-thap.phuong-hong-ngu");

        var refused = await ProblemAssert.Is(HttpStatusCode.Conflict, await (await app.As(officer)).PostAsJsonAsync("/api/dossiers",
            new { unitCode = "dong-thap.phuong-hong-ngu", level = "ntm", year = 2026 }));

        Assert.Contains("Phường không là đối tượng xét công nhận xã nông thôn mới", refused.Detail());
    }

    [Fact]
    public async Task ADissolvedCommune_IsRefusedANewDossier_NamingItsSuccessorAndTheResolution_WhileTheNewCommuneMayStart()
    {
        var refused = await ProblemAssert.Is(HttpStatusCode.Conflict, await (await app.As("xa.tapson")).PostAsJsonAsync("/api/dossiers",
            new { unitCode = "tra-vinh.tra-cu.tap-son", level = "ntm", year = 2026 }));

        Assert.Contains("vinh-long.tap-son", refused.Detail());
        Assert.Contains("1687/NQ-UBTVQH15", refused.Detail());
        Assert.Equal(HttpStatusCode.Created, (await (await app.As("xa.tapson.vl")).PostAsJsonAsync("/api/dossiers",
            new { unitCode = "vinh-long.tap-son", level = "ntm", year = 2026 })).StatusCode);
    }

    [Fact]
    public async Task TheRegistry_ShowsTheNameTheUnitHadWhenDecided()
    {
        var commune = await app.NewCommune();
        await procedure.At(commune, "recognised");

        await Procedure.Must(await (await app.As(Admin)).PutAsJsonAsync($"/api/admin/units/{commune.Code}", new { name = "Phường Đổi Tên " + commune.Code }));

        var registry = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/public/decisions?q={Uri.EscapeDataString("Phường Đổi Tên " + commune.Code)}");
        Assert.Equal(commune.Name, Assert.Single(registry.GetProperty("items").EnumerateArray()).GetProperty("unitName").GetString());
        var renames = (await Lineage(Admin, commune.Code)).GetProperty("changes").EnumerateArray().Where(c => c.GetProperty("kind").GetString() == "rename");
        Assert.Equal(commune.Name, Assert.Single(renames).GetProperty("oldName").GetString());
    }

    [Fact]
    public async Task TheDemoUsers_SeeWhatTheReadmeSays()
    {
        var newTapSon = await Lineage("xa.tapson.vl", "vinh-long.tap-son");
        Assert.Equal("tra-vinh.tra-cu.tap-son", Assert.Single(newTapSon.GetProperty("predecessors").EnumerateArray()).GetProperty("code").GetString());
        Assert.Contains(newTapSon.GetProperty("recognitions").EnumerateArray(), r => r.GetProperty("unitName").GetString() == "Xã Tập Sơn");
        // Its officer sees the old commune's recognitions (public) but not its dossiers, which lie outside their scope.
        Assert.DoesNotContain(newTapSon.GetProperty("dossiers").EnumerateArray(), d => d.GetProperty("unitCode").GetString() == "tra-vinh.tra-cu.tap-son");

        foreach (var official in new[] { "tinh.vinhlong.thamdinh", "huyen.tracu", "xa.tapson" })
        {
            var old = await Lineage(official, "tra-vinh.tra-cu.tap-son");
            var advanced = Assert.Single(old.GetProperty("dossiers").EnumerateArray());
            Assert.Equal(2024, advanced.GetProperty("year").GetInt32());
            Assert.Equal("ntm-nang-cao", advanced.GetProperty("level").GetString());
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("xa.tapson.vl")).GetAsync("/api/units/tra-vinh.tra-cu.tap-son")).StatusCode);
        var daiAn = await Lineage("tinh.vinhlong.lanhdao", "vinh-long.dai-an");
        Assert.Contains(daiAn.GetProperty("recognitions").EnumerateArray(),
            r => r.GetProperty("level").GetString() == "ntm-nang-cao" && r.GetProperty("unitName").GetString() == "Xã Đại An");
        var longHiep = await Lineage("tinh.vinhlong.thamdinh", "vinh-long.long-hiep");
        Assert.Equal(["Xã Long Hiệp", "Xã Ngọc Biên"], longHiep.GetProperty("predecessors").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        var registry = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/public/decisions?q=694");
        var decision694 = Assert.Single(registry.GetProperty("items").EnumerateArray(), i => i.GetProperty("unitCode").GetString() == "dong-thap.hong-ngu.tan-hoi");
        Assert.Equal("Chủ tịch UBND tỉnh Đồng Tháp", decision694.GetProperty("decision").GetProperty("signer").GetString());
        Assert.Equal("UBND xã Tân Hội", decision694.GetProperty("ceremony").GetProperty("place").GetString());
        var hongNgu = await Lineage("tinh.dongthap.thamdinh", "dong-thap.phuong-hong-ngu");
        Assert.Equal("phuong", hongNgu.GetProperty("unit").GetProperty("kind").GetString());
        Assert.Equal(2, hongNgu.GetProperty("predecessors").GetArrayLength());
    }

    private async Task<JsonElement> Lineage(string userName, string code) =>
        await Procedure.Must(await (await app.As(userName)).GetAsync($"/api/units/{code}"));

    private async Task<List<string?>> RegistryNumbers(string provinceCode)
    {
        var registry = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/public/decisions?provinceCode={provinceCode}&pageSize=100");
        return registry.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("decision").GetProperty("number").GetString()).ToList();
    }

    private async Task<string> AddUnit(string kind, string parentCode)
    {
        var code = $"{parentCode}.to-chuc-{Interlocked.Increment(ref counter)}".Replace("vn.", "");
        await Procedure.Must(await (await app.As(Admin)).PostAsJsonAsync("/api/admin/units",
            new { code, name = $"Đơn vị thử {code}", kind, parentCode }));
        return code;
    }

    private async Task<string> AddUser(string role, string unitCode)
    {
        var userName = $"sap.xep.{Interlocked.Increment(ref counter)}";
        await Procedure.Must(await (await app.As(Admin)).PostAsJsonAsync("/api/admin/users",
            new { userName, fullName = "Cán bộ thử", unitCode, role, password = NtmApp.Password }));
        return userName;
    }

    private async Task AddRecognition(string unitCode, string number)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var unit = await db.Units.FindAsync(unitCode);
        db.Recognitions.Add(Recognition.Imported(unit!, Levels.Ntm, 2020, number, new DateOnly(2020, 12, 1), "UBND tỉnh"));
        await db.SaveChangesAsync();
    }
}
