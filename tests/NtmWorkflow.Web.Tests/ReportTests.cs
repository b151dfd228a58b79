using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using MiniExcelLibs;
using NtmWorkflow.Web.Tests.Support;
using static NtmWorkflow.Web.Tests.Support.ReportWorld;

namespace NtmWorkflow.Web.Tests;

/// <summary>The programme report of a province whose answers are known by construction (see <see cref="ReportWorld"/>).</summary>
public sealed class ReportTests(ReportWorld world) : IClassFixture<ReportWorld>
{
    private const string Report2024 = $"/api/reports/programme?scope={Province}&year=2024";
    private const string Report2026 = $"/api/reports/programme?scope={Province}&year=2026";

    [Fact]
    public async Task Levels_CountTheCommunesInForceAtTheYearsEnd_WithTheOfficialsSentence()
    {
        var report = await Get(Report2024);

        Assert.Equal(15, report.GetProperty("communes").GetInt32());
        Assert.Equal("2024-12-31", report.GetProperty("referenceDay").GetString());
        Assert.Equal("giai-doan-2021-2025", report.GetProperty("period").GetProperty("id").GetString());
        var levels = report.GetProperty("levels");
        Assert.Equal("15/15 xã đạt chuẩn nông thôn mới (100 %), 02 xã đạt chuẩn nông thôn mới nâng cao (13,3 %)",
            levels.GetProperty("sentence").GetString());
        Assert.Equal([("ntm", 15, 100m), ("ntm-nang-cao", 2, 13.3m), ("ntm-kieu-mau", 0, 0m), ("ntm-hien-dai", 0, 0m)],
            levels.GetProperty("rows").EnumerateArray().Select(r => (r.GetProperty("level").GetString(), r.GetProperty("count").GetInt32(), r.GetProperty("percent").GetDecimal())));
    }

    [Fact]
    public async Task Levels_AfterTheReorganisation_CountTheNewCommune_AndEveryLevelHeldOnTheDay()
    {
        var report = await Get(Report2026);

        Assert.Equal(16, report.GetProperty("communes").GetInt32());
        Assert.Equal("2026-03-02", report.GetProperty("referenceDay").GetString());
        Assert.Equal(
            "15/16 xã đạt chuẩn nông thôn mới (93,8 %), 03 xã đạt chuẩn nông thôn mới nâng cao (18,8 %), 01 xã đạt chuẩn nông thôn mới hiện đại (6,3 %)",
            report.GetProperty("levels").GetProperty("sentence").GetString());
    }

    [Fact]
    public async Task HomeChart_CountsEachProvinceAsItsReportOfThisYear()
    {
        await world.Official();
        var home = await (await PageSession.SignedIn(world, ProvinceOfficial)).Html("/");

        // As in the report: Xã 16 (dissolved) and Xã 03's revoked nâng cao do not count; hiện đại brings NTM with it.
        var row = Regex.Match(home, $"""<a href="/Reports\?scope={Province}">.*?</tr>""", RegexOptions.Singleline).Value;
        var counts = Regex.Matches(row, "data-value=\"(\\d+)\"").Select(m => int.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal([15, 3, 1], counts);
        var report = (await Get(Report2026)).GetProperty("levels").GetProperty("rows").EnumerateArray();
        Assert.Equal(report.Select(r => r.GetProperty("count").GetInt32()).Where(count => count > 0), counts);
    }

    [Fact]
    public async Task EveryLevelFigure_LinksToTheCommunesItCounts()
    {
        var report = await Get(Report2024);
        var nangCao = report.GetProperty("levels").GetProperty("rows")[1];
        Assert.Equal($"/Reports/Communes?scope={Province}&year=2024&level=ntm-nang-cao", nangCao.GetProperty("communes").GetProperty("page").GetString());

        var list = await Get(nangCao.GetProperty("communes").GetProperty("api").GetString()!);

        Assert.Equal([Commune(1), Commune(2)], Codes(list));
        Assert.Equal(2, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Bands_AreThoseOfThePeriod_WithTheAverageOverCommunesWithAStatus()
    {
        var bands = (await Get(Report2024)).GetProperty("bands");

        Assert.Equal(19, bands.GetProperty("criteriaTotal").GetInt32());
        Assert.Equal([("19", 3), ("15-18", 7), ("10-14", 5), ("0-9", 0)],
            bands.GetProperty("bands").EnumerateArray().Select(b => (b.GetProperty("band").GetString(), b.GetProperty("count").GetInt32())));
        Assert.Equal(15, bands.GetProperty("withStatus").GetInt32());
        Assert.Equal(0, bands.GetProperty("withoutStatus").GetInt32());
        // (3×19 + 15+16+17+18+18+16+15 + 10+11+12+13+14) / 15 = 232 / 15
        Assert.Equal(15.47m, bands.GetProperty("averageMet").GetDecimal());
        Assert.Equal(1, bands.GetProperty("unconfirmed").GetInt32());
        Assert.False(bands.GetProperty("provisional").GetBoolean());

        var list = await Get(bands.GetProperty("bands")[1].GetProperty("communes").GetProperty("api").GetString()!);
        Assert.Equal(Enumerable.Range(4, 7).Select(Commune), Codes(list));
    }

    [Fact]
    public async Task Bands_Of2026_AreProvisional_AndCommunesWithoutAStatusCountApart()
    {
        var bands = (await Get(Report2026)).GetProperty("bands");

        Assert.Equal(10, bands.GetProperty("criteriaTotal").GetInt32());
        Assert.True(bands.GetProperty("provisional").GetBoolean());
        Assert.Equal([("10", 4), ("5-9", 5), ("0-4", 1)],
            bands.GetProperty("bands").EnumerateArray().Select(b => (b.GetProperty("band").GetString(), b.GetProperty("count").GetInt32())));
        Assert.Equal(10, bands.GetProperty("withStatus").GetInt32());
        Assert.Equal(6, bands.GetProperty("withoutStatus").GetInt32());
        Assert.Equal(7.8m, bands.GetProperty("averageMet").GetDecimal());

        var none = await Get(bands.GetProperty("withoutStatusCommunes").GetProperty("api").GetString()!);
        Assert.Equal([Commune(11), Commune(12), Commune(13), Commune(14), Commune(15), Commune(17)], Codes(none));
    }

    [Fact]
    public async Task Criteria_CountTheCommunesMeetingEach_AndNameThoseThatDoNot()
    {
        var criteria = (await Get(Report2024)).GetProperty("criteria").EnumerateArray().ToList();

        Assert.Equal(19, criteria.Count);
        int[] expected = [15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 14, 13, 12, 11, 10, 8, 6, 5, 3];
        Assert.Equal(expected, criteria.Select(c => c.GetProperty("met").GetInt32()));
        Assert.Equal(expected.Select(m => 15 - m), criteria.Select(c => c.GetProperty("notMet").GetInt32()));
        Assert.Equal("Quy hoạch", criteria[0].GetProperty("name").GetString());
        var eleventh = criteria[10];
        Assert.Equal(11, eleventh.GetProperty("number").GetInt32());
        Assert.Equal([(Commune(11), Name(11))],
            eleventh.GetProperty("notMetCommunes").EnumerateArray().Select(c => (c.GetProperty("code").GetString(), c.GetProperty("name").GetString())));

        var notMet = await Get(criteria[16].GetProperty("notMetList").GetProperty("api").GetString()!);
        Assert.Equal([Commune(4), Commune(5), Commune(9), Commune(10), Commune(11), Commune(12), Commune(13), Commune(14), Commune(15)], Codes(notMet).Order());
    }

    [Fact]
    public async Task APlanAchievedByARecognitionRevokedTheNextYear_StaysAchieved_OnThePlansPageAsInTheReport()
    {
        var report = Assert.Single((await Get($"/api/reports/programme?scope={Province}&year=2023")).GetProperty("plans").EnumerateArray());
        var plans = await Get($"/api/plans?year=2023&unitCode={Province}");

        Assert.Equal((1, 1), (report.GetProperty("planned").GetInt32(), report.GetProperty("achieved").GetInt32()));
        Assert.Equal((1, 1, 0), (plans.GetProperty("planned").GetInt32(), plans.GetProperty("achieved").GetInt32(), plans.GetProperty("notYet").GetInt32()));
        Assert.True(Assert.Single(plans.GetProperty("plans").GetProperty("items").EnumerateArray()).GetProperty("achieved").GetBoolean());
    }

    [Fact]
    public async Task Plans_CountConfirmedPlans_AndTheRecognitionsOfThatLevelAndYear()
    {
        var plan = Assert.Single((await Get(Report2024)).GetProperty("plans").EnumerateArray());

        Assert.Equal("ntm-nang-cao", plan.GetProperty("level").GetString());
        Assert.Equal(3, plan.GetProperty("planned").GetInt32());
        Assert.Equal(2, plan.GetProperty("achieved").GetInt32());
        Assert.Equal(1, plan.GetProperty("notAchieved").GetInt32());
        Assert.Equal($"/Dossiers?unitCode={Province}&year=2024&level=ntm-nang-cao", plan.GetProperty("dossiers").GetString());
        Assert.Equal([Commune(6)], Codes(await Get(plan.GetProperty("notAchievedCommunes").GetProperty("api").GetString()!)));
        Assert.Equal([Commune(1), Commune(2)], Codes(await Get(plan.GetProperty("achievedCommunes").GetProperty("api").GetString()!)));
    }

    [Fact]
    public async Task Targets_OfTheProvince_CountRecognitionsOfThePeriod_AndAreMarkedProvisional()
    {
        var targets = (await Get(Report2026)).GetProperty("targets").EnumerateArray().ToList();

        Assert.Equal(2, targets.Count);
        var ntm = targets[0];
        Assert.Equal(("ntm", 65m, 11, 68.8m, true, true),
            (ntm.GetProperty("level").GetString(), ntm.GetProperty("targetPercent").GetDecimal(), ntm.GetProperty("count").GetInt32(),
                ntm.GetProperty("actualPercent").GetDecimal(), ntm.GetProperty("met").GetBoolean(), ntm.GetProperty("provisional").GetBoolean()));
        var hienDai = targets[1];
        Assert.Equal(("ntm-hien-dai", 10m, 1, 6.3m, false, true),
            (hienDai.GetProperty("level").GetString(), hienDai.GetProperty("targetPercent").GetDecimal(), hienDai.GetProperty("count").GetInt32(),
                hienDai.GetProperty("actualPercent").GetDecimal(), hienDai.GetProperty("met").GetBoolean(), hienDai.GetProperty("provisional").GetBoolean()));
        Assert.Contains("257/2025/QH15", ntm.GetProperty("source").GetString());
        Assert.Equal(Enumerable.Range(1, 11).Select(Commune), Codes(await Get(ntm.GetProperty("communes").GetProperty("api").GetString()!)));

        Assert.Empty((await Get(Report2024)).GetProperty("targets").EnumerateArray());
    }

    [Fact]
    public async Task ExportedLevels_ReadBackCellByCell()
    {
        var rows = await Xlsx($"/api/reports/programme/levels?scope={Province}&year=2024&format=xlsx");

        Assert.Equal(["Mức", "Số xã", "Tổng số xã", "Tỷ lệ (%)"], rows[0].Keys);
        Assert.Equal(
            [
                ["Đạt chuẩn nông thôn mới", 15d, 15d, 100d],
                ["Nông thôn mới nâng cao", 2d, 15d, 13.3d],
                ["Nông thôn mới kiểu mẫu", 0d, 15d, 0d],
                ["Nông thôn mới hiện đại", 0d, 15d, 0d],
            ],
            rows.Select(r => r.Values.ToArray()));
    }

    [Fact]
    public async Task ExportedBands_AsCsv_ReadBackCellByCell()
    {
        var response = await (await world.Official()).GetAsync($"/api/reports/programme/bands?scope={Province}&year=2024&format=csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var rows = new MemoryStream(await response.Content.ReadAsByteArrayAsync()).Query(useHeaderRow: true, excelType: ExcelType.CSV)
            .Cast<IDictionary<string, object?>>().ToList();

        Assert.Equal(["Nhóm", "Từ (tiêu chí)", "Đến (tiêu chí)", "Số xã", "Tỷ lệ (%)"], rows[0].Keys);
        Assert.Equal(
            [
                ["Đạt 19 tiêu chí", "19", "19", "3", "20"],
                ["Đạt 15–18 tiêu chí", "15", "18", "7", "46.7"],
                ["Đạt 10–14 tiêu chí", "10", "14", "5", "33.3"],
                ["Dưới 10 tiêu chí", "0", "9", "0", "0"],
                ["Chưa ghi nhận tình trạng tiêu chí", "", "", "0", ""],
            ],
            rows.Select(r => r.Values.Select(v => v?.ToString() ?? "").ToArray()));
    }

    [Fact]
    public async Task ExportedCriteriaPlansTargetsAndCommunes_ReadBackCellByCell()
    {
        var criteria = await Xlsx($"/api/reports/programme/criteria?scope={Province}&year=2024");
        Assert.Equal(19, criteria.Count);
        Assert.Equal([11d, "Nghèo đa chiều", 14d, 1d, $"{Name(11)} ({Commune(11)})"], criteria[10].Values);

        var plans = await Xlsx($"/api/reports/programme/plans?scope={Province}&year=2024&format=xlsx");
        Assert.Equal([["Nông thôn mới nâng cao", 3d, 2d, 1d]], plans.Select(r => r.Values.ToArray()));

        var targets = await Xlsx($"/api/reports/programme/targets?scope={Province}&year=2026&format=xlsx");
        Assert.Equal(["Tỷ lệ xã đạt chuẩn nông thôn mới", 65d, 11d, 68.8d, "Đạt", "Tạm thời"], targets[0].Values.Take(6));
        Assert.Equal(["Tỷ lệ xã đạt chuẩn nông thôn mới hiện đại", 10d, 1d, 6.3d, "Chưa đạt", "Tạm thời"], targets[1].Values.Take(6));

        var communes = await Xlsx($"/api/reports/programme/communes?scope={Province}&year=2024&band=19&format=xlsx");
        Assert.Equal(["Mã xã", "Tên xã", "Mức đạt chuẩn", "Số tiêu chí đạt", "Kế hoạch năm"], communes[0].Keys);
        Assert.Equal(
            [
                [Commune(1), Name(1), "Đạt chuẩn nông thôn mới; Nông thôn mới nâng cao", 19d, "Nông thôn mới nâng cao"],
                [Commune(2), Name(2), "Đạt chuẩn nông thôn mới; Nông thôn mới nâng cao", 19d, "Nông thôn mới nâng cao"],
                [Commune(3), Name(3), "Đạt chuẩn nông thôn mới", 19d, ""],
            ],
            communes.Select(r => r.Values.Select(v => v ?? "").ToArray()));
    }

    [Theory]
    [InlineData("/api/reports/programme?scope=bao-cao&year=2015", "year")]
    [InlineData("/api/reports/programme?scope=bao-cao&year=2031", "year")]
    [InlineData("/api/reports/programme/levels?scope=bao-cao&year=2024&format=pdf", "format")]
    [InlineData("/api/reports/programme/communes?scope=bao-cao&year=2024&format=docx", "format")]
    [InlineData("/api/reports/programme/communes?scope=bao-cao&year=2024&band=20", "band")]
    [InlineData("/api/reports/programme/communes?scope=bao-cao&year=2024&criterion=20&met=false", "criterion")]
    [InlineData("/api/reports/programme/communes?scope=bao-cao&year=2024&met=false", "met")]
    [InlineData("/api/reports/programme/communes?scope=bao-cao&year=2024&level=ntm-vang", "level")]
    [InlineData("/api/reports/programme/communes?scope=bao-cao&year=2026&target=khong-co", "target")]
    public async Task BadInput_IsA400NamingTheField(string url, string field)
    {
        var problem = await ProblemAssert.Is(HttpStatusCode.BadRequest, await (await world.Official()).GetAsync(url));

        Assert.True(problem.Names(field), problem.ToString());
    }

    [Fact]
    public async Task AnUnknownTable_IsA404_AndAnUnknownScope_Too()
    {
        var client = await world.Official();
        await ProblemAssert.Is(HttpStatusCode.NotFound, await client.GetAsync($"/api/reports/programme/charts?scope={Province}&year=2024"));
        await ProblemAssert.Is(HttpStatusCode.NotFound, await client.GetAsync("/api/reports/programme?scope=khong-co&year=2024"));
    }

    [Fact]
    public async Task ACommuneOfficer_ReadsTheirCommune_ButNotTheProvince()
    {
        var officer = await world.Official(CommuneOfficer);

        await ProblemAssert.Is(HttpStatusCode.Forbidden, await officer.GetAsync(Report2024));
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await officer.GetAsync($"/api/reports/programme/levels?scope={Province}&year=2024"));
        var own = await officer.GetFromJsonAsync<JsonElement>("/api/reports/programme?year=2024");
        Assert.Equal(Commune(1), own.GetProperty("scope").GetProperty("code").GetString());
        Assert.Equal(1, own.GetProperty("communes").GetInt32());
        Assert.Equal("01/01 xã đạt chuẩn nông thôn mới (100 %), 01 xã đạt chuẩn nông thôn mới nâng cao (100 %)",
            own.GetProperty("levels").GetProperty("sentence").GetString());
        Assert.Empty(own.GetProperty("targets").EnumerateArray());
    }

    [Fact]
    public async Task WithoutAScope_TheReportIsOfTheCallersUnit_AndWithoutSignInItIsRefused()
    {
        var report = await Get("/api/reports/programme?year=2024");
        Assert.Equal(Province, report.GetProperty("scope").GetProperty("code").GetString());

        Assert.Equal(HttpStatusCode.Unauthorized, (await world.Anonymous().GetAsync(Report2024)).StatusCode);
    }

    private async Task<JsonElement> Get(string url)
    {
        var response = await (await world.Official()).GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<List<IDictionary<string, object?>>> Xlsx(string url)
    {
        var response = await (await world.Official()).GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        return new MemoryStream(await response.Content.ReadAsByteArrayAsync()).Query(useHeaderRow: true, excelType: ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>().ToList();
    }

    private static List<string> Codes(JsonElement list) =>
        list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!).ToList();
}
