using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using NtmWorkflow.Web.Tests.Support;
using static NtmWorkflow.Web.Tests.Support.ImportFiles;

namespace NtmWorkflow.Web.Tests;

/// <summary>Importing earlier recognitions: the check report, the all-or-nothing confirmation and what the register then says.</summary>
public sealed class ImportTests(NtmApp app) : IClassFixture<NtmApp>
{
    private const string Admin = "admin";
    private const string DongThap = "tinh.dongthap.thamdinh";

    private async Task<JsonElement> Checked(string who, byte[] file, string fileName = "cong-nhan.csv")
    {
        var response = await (await app.As(who)).Upload(file, fileName);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        Assert.NotNull(response.Headers.Location);
        return await response.Json();
    }

    private async Task<JsonElement> Imported(string who, byte[] file)
    {
        var report = await Checked(who, file);
        Assert.Empty(report.GetProperty("problems").EnumerateArray());
        var confirmed = await (await app.As(who)).PostAsync($"/api/recognition-imports/{report.GetProperty("id").GetString()}/confirm", null);
        Assert.True(confirmed.StatusCode == HttpStatusCode.OK, await confirmed.Content.ReadAsStringAsync());
        return await confirmed.Json();
    }

    /// <summary>The public registry's entries of a unit, found by the decision number they carry.</summary>
    private async Task<List<JsonElement>> Registry(string unitCode, string number)
    {
        var list = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/public/decisions?q={Uri.EscapeDataString(number)}&pageSize=100");
        return list.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("unitCode").GetString() == unitCode).ToList();
    }

    private static List<(int Row, string Column, string Message)> Problems(JsonElement report) =>
        report.GetProperty("problems").EnumerateArray()
            .Select(p => (p.GetProperty("row").GetInt32(), p.GetProperty("column").GetString()!, p.GetProperty("message").GetString()!)).ToList();

    [Fact]
    public async Task Import_OfNtm_IsCheckedThenConfirmed_AndTheRegistryListsItAsImported()
    {
        var commune = await app.NewCommune();
        var report = await Checked(DongThap, Csv([Row(commune.Code, name: commune.Name, period: "2016–2020", ceremonyDate: "05/01/2020", ceremonyPlace: "Hội trường xã")]));
        Assert.Equal("checked", report.GetProperty("status").GetString());
        Assert.Equal(1, report.GetProperty("rows").GetInt32());
        Assert.Equal(1, report.GetProperty("validRows").GetInt32());
        Assert.Equal(64, report.GetProperty("sha256").GetString()!.Length);
        Assert.Empty(await Registry(commune.Code, "100/QĐ-UBND"));

        var confirmed = await (await app.As(DongThap)).PostAsync($"/api/recognition-imports/{report.GetProperty("id").GetString()}/confirm", null);

        var imported = await confirmed.Json();
        Assert.Equal("imported", imported.GetProperty("status").GetString());
        Assert.Equal(1, imported.GetProperty("added").GetInt32());
        var entry = Assert.Single(await Registry(commune.Code, "100/QĐ-UBND"));
        Assert.True(entry.GetProperty("imported").GetBoolean());
        Assert.Equal("100/QĐ-UBND", entry.GetProperty("decision").GetProperty("number").GetString());
        Assert.Equal("2019-12-20", entry.GetProperty("decision").GetProperty("date").GetString());
        Assert.Equal("2020-01-05", entry.GetProperty("ceremony").GetProperty("date").GetString());
        Assert.Equal(2019, entry.GetProperty("year").GetInt32());
        Assert.DoesNotContain(DongThap, entry.ToString());
    }

    [Fact]
    public async Task ImportedNtm_BlocksANewNtmDossier_NamingTheDecision_AndOpensNangCaoIn2021To2025()
    {
        var commune = await app.NewCommune();
        await Imported(DongThap, Csv([Row(commune.Code, number: "77/QĐ-UBND", date: "03/11/2019")]));
        var officer = await app.As(commune.Officer);

        var again = await officer.PostAsJsonAsync("/api/dossiers", new { unitCode = commune.Code, level = "ntm", year = 2026 });
        var refused = (await ProblemAssert.Is(HttpStatusCode.Conflict, again)).Detail();
        Assert.Contains("theo Quyết định số 77/QĐ-UBND ngày 03/11/2019", refused);

        var advanced = await officer.PostAsJsonAsync("/api/dossiers", new { unitCode = commune.Code, level = "ntm-nang-cao", year = 2025 });
        Assert.True(advanced.StatusCode == HttpStatusCode.Created, await advanced.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ImportedRevokedNtm_AllowsANewNtmDossier_AndAStandingRecognitionBeside()
    {
        var commune = await app.NewCommune();
        await Imported(Admin, Csv([Row(commune.Code, revocationNumber: "9/QĐ-UBND", revocationDate: "01/06/2021", revocationSigner: "Chủ tịch UBND tỉnh")]));

        var officer = await app.As(commune.Officer);
        var opened = await officer.PostAsJsonAsync("/api/dossiers", new { unitCode = commune.Code, level = "ntm", year = 2025 });
        Assert.True(opened.StatusCode == HttpStatusCode.Created, await opened.Content.ReadAsStringAsync());
        var entry = Assert.Single(await Registry(commune.Code, "100/QĐ-UBND"));
        Assert.Equal("9/QĐ-UBND", entry.GetProperty("revocation").GetProperty("number").GetString());

        var recognisedAgain = await Checked(Admin, Csv([Row(commune.Code, year: "2024", number: "55/QĐ-UBND", date: "10/12/2024")]));
        Assert.Empty(Problems(recognisedAgain));
    }

    [Fact]
    public async Task SameFileTwice_ChangesNothing_ItsRowsCountAsAlreadyPresent()
    {
        var (a, b) = (await app.NewCommune(), await app.NewCommune());
        var file = Csv([Row(a.Code, number: "300/QĐ-UBND"), Row(b.Code, level: "NTM", number: "300/QĐ-UBND")]);
        var first = await Imported(DongThap, file);
        Assert.Equal(2, first.GetProperty("added").GetInt32());

        var second = await Checked(DongThap, file);
        Assert.Empty(Problems(second));
        Assert.Equal(2, second.GetProperty("alreadyPresent").GetInt32());
        Assert.Equal(2, second.GetProperty("validRows").GetInt32());
        var confirmed = await (await app.As(DongThap)).PostAsync($"/api/recognition-imports/{second.GetProperty("id").GetString()}/confirm", null);
        Assert.Equal(0, (await confirmed.Json()).GetProperty("added").GetInt32());
        Assert.Single(await Registry(a.Code, "300/QĐ-UBND"));
        Assert.Single(await Registry(b.Code, "300/QĐ-UBND"));

        var twice = await (await app.As(DongThap)).PostAsync($"/api/recognition-imports/{second.GetProperty("id").GetString()}/confirm", null);
        await ProblemAssert.Is(HttpStatusCode.Conflict, twice);
    }

    [Fact]
    public async Task TheSameNumberSignedInAnotherYear_IsAnotherDecision_NumberingStartsAgainEveryYear()
    {
        var (a, b, c) = (await app.NewCommune(), await app.NewCommune(), await app.NewCommune());
        await Imported(Admin, Csv([Row(a.Code, year: "2017", number: "5/QĐ-UBND", date: "10/01/2018", signer: "Chủ tịch UBND tỉnh")]));

        var report = await Checked(Admin, Csv([
            Row(b.Code, year: "2018", number: "5/QĐ-UBND", date: "12/01/2019", signer: "Phó Chủ tịch UBND tỉnh"),
            Row(c.Code, year: "2019", number: "5/QĐ-UBND", date: "15/01/2020", signer: "Chủ tịch UBND tỉnh"),
        ]));

        Assert.Empty(Problems(report));
        Assert.Equal(2, report.GetProperty("validRows").GetInt32());
    }

    [Fact]
    public async Task Confirm_WhenAConflictAppearedAfterTheCheck_Is409WithTheReport_AndWritesNothing()
    {
        var (a, b) = (await app.NewCommune(), await app.NewCommune());
        var pending = await Checked(DongThap, Csv([Row(a.Code, number: "400/QĐ-UBND"), Row(b.Code, number: "400/QĐ-UBND")]));
        Assert.Empty(Problems(pending));
        await Imported(Admin, Csv([Row(b.Code, year: "2020", number: "401/QĐ-UBND", date: "01/10/2020")]));

        var confirmed = await (await app.As(DongThap)).PostAsync($"/api/recognition-imports/{pending.GetProperty("id").GetString()}/confirm", null);

        var problem = await ProblemAssert.Is(HttpStatusCode.Conflict, confirmed);
        var (row, column, message) = Assert.Single(Problems(problem.GetProperty("report")));
        Assert.Equal((3, "Mức công nhận"), (row, column));
        Assert.Contains("401/QĐ-UBND", message);
        Assert.Empty(await Registry(a.Code, "400/QĐ-UBND"));
        var listed = await (await app.As(DongThap)).GetFromJsonAsync<JsonElement>($"/api/recognition-imports/{pending.GetProperty("id").GetString()}");
        Assert.Equal("checked", listed.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Check_ReportsEveryKindOfBadRow_WithItsRowAndColumn()
    {
        var (c, d, e, f, g) = (await app.NewCommune(), await app.NewCommune(), await app.NewCommune(), await app.NewCommune(), await app.NewCommune());
        await Imported(Admin, Csv([Row(d.Code, number: "500/QĐ-UBND", date: "02/02/2018", year: "2018")]));
        string?[][] rows =
        [
            Row("khong-co"),                                                              // 2
            Row(null),                                                                    // 3
            Row(c.Code, name: "Xã Khác Hẳn"),                                             // 4
            Row("dong-thap"),                                                             // 5
            Row(c.Code, level: "ntm-vang"),                                               // 6
            Row(c.Code, level: "ntm-hien-dai"),                                           // 7
            Row(c.Code, year: "2021", period: "2016–2020"),                               // 8
            Row(c.Code, year: "2010"),                                                    // 9
            Row(c.Code, period: "2011-2015"),                                             // 10
            Row(c.Code, date: "31/02/2019"),                                              // 11
            Row(c.Code, date: "03/03/2026"),                                              // 12
            Row(c.Code, ceremonyDate: "19/12/2019"),                                      // 13
            Row(c.Code, revocationNumber: "1/QĐ-UBND"),                                   // 14
            Row(c.Code, revocationNumber: "1/QĐ-UBND", revocationDate: "01/01/2019", revocationSigner: "Chủ tịch"), // 15
            Row(c.Code, number: "600/QĐ-UBND", signer: "Chủ tịch UBND tỉnh"),              // 16
            Row(c.Code, number: "600/QĐ-UBND", signer: "Chủ tịch UBND tỉnh"),              // 17
            Row(d.Code, number: "601/QĐ-UBND"),                                           // 18
            Row(e.Code, number: "600/QĐ-UBND", date: "21/12/2019"),                       // 19
            Row(f.Code, number: "600/QĐ-UBND", signer: "Phó Chủ tịch UBND tỉnh"),          // 20
            Row(c.Code, level: "ntm-nang-cao", signer: new string('x', 300)),             // 21
            Row(c.Code, level: "ntm-nang-cao", date: "2019/12/20"),                       // 22
            Row(c.Code, level: "ntm-nang-cao", year: "hai nghìn"),                        // 23
            Row(c.Code, level: "ntm-nang-cao", number: null),                             // 24
            Row("dong-thap.hong-ngu.tan-hoi", level: "ntm-kieu-mau", year: "2025", number: "700/QĐ-UBND", date: "01/08/2025"), // 25
            Row(g.Code, number: "800/QĐ-UBND", date: "01/12/2019"),                       // 26
            Row(d.Code, number: "500/QĐ-UBND", date: "02/02/2018", year: "2018"),         // 27
        ];

        var report = await Checked(Admin, Csv(rows));

        (int, string, string)[] expected =
        [
            (2, "Mã đơn vị", "Không có đơn vị hành chính mã 'khong-co'"),
            (3, "Mã đơn vị", "Thiếu mã đơn vị"),
            (4, "Tên đơn vị", "không phải tên của đơn vị"),
            (5, "Mức công nhận", "cấp này không được công nhận"),
            (6, "Mức công nhận", "'ntm-vang' không tồn tại"),
            (7, "Mức công nhận", "Giai đoạn 2016–2020 không công nhận xã mức nông thôn mới hiện đại"),
            (8, "Năm", "Năm 2021 không thuộc Giai đoạn 2016–2020"),
            (9, "Năm", "không thuộc giai đoạn nào"),
            (10, "Giai đoạn", "Không có giai đoạn '2011-2015'"),
            (11, "Ngày ký", "không có thật"),
            (12, "Ngày ký", "ở tương lai"),
            (13, "Ngày lễ công bố", "trước ngày ký"),
            (14, "Ngày thu hồi", "cần đủ số, ngày ký và người ký"),
            (14, "Người ký thu hồi", "cần đủ số, ngày ký và người ký"),
            (15, "Ngày thu hồi", "trước ngày ký quyết định công nhận"),
            (17, "Mã đơn vị", "Trùng dòng 16"),
            (18, "Mức công nhận", "đang giữ công nhận đạt chuẩn nông thôn mới theo Quyết định số 500/QĐ-UBND ngày 02/02/2018"),
            (19, "Ngày ký", "đã ghi ngày ký 20/12/2019 (dòng 16)"),
            (20, "Người ký", "đã ghi người ký 'Chủ tịch UBND tỉnh' (dòng 16)"),
            (21, "Người ký", "tối đa 256"),
            (22, "Ngày ký", "không phải ngày dạng dd/MM/yyyy"),
            (23, "Năm", "không phải một năm"),
            (24, "Số quyết định", "Thiếu số quyết định"),
            (25, "Ngày ký", "đã kết thúc ngày 01/07/2025"),
        ];
        var problems = Problems(report);
        foreach (var (row, column, fragment) in expected)
        {
            Assert.True(problems.Any(p => p.Row == row && p.Column == column && p.Message.Contains(fragment)),
                $"row {row}, {column}: '{fragment}' not in {string.Join(" | ", problems.Where(p => p.Row == row))}");
        }
        Assert.Equal(expected.Select(x => x.Item1).Distinct().Order(), problems.Select(p => p.Row).Distinct().Order());
        Assert.Equal(3, report.GetProperty("validRows").GetInt32());
        Assert.Equal(1, report.GetProperty("alreadyPresent").GetInt32());

        var confirmed = await (await app.As(Admin)).PostAsync($"/api/recognition-imports/{report.GetProperty("id").GetString()}/confirm", null);
        await ProblemAssert.Is(HttpStatusCode.Conflict, confirmed);
        Assert.Empty(await Registry(g.Code, "800/QĐ-UBND"));
    }

    [Fact]
    public async Task Xlsx_WithRealExcelDatesAndNumbers_IsReadLikeText()
    {
        var commune = await app.NewCommune();
        object?[] row = [commune.Code, null, "NTM", 2019, "giai-doan-2016-2020", "900/QĐ-UBND", new DateTime(2019, 12, 20), "Chủ tịch UBND tỉnh",
            new DateTime(2020, 1, 5), "Nhà văn hóa xã"];

        var report = await Checked(DongThap, Xlsx([row]), "lich-su.xlsx");

        Assert.Empty(Problems(report));
        Assert.Equal(1, report.GetProperty("validRows").GetInt32());
    }

    [Fact]
    public async Task Csv_SavedWithSemicolonsAndQuotedCells_IsRead()
    {
        var commune = await app.NewCommune();
        var report = await Checked(DongThap, Csv([Row(commune.Code, ceremonyPlace: "Hội trường; UBND \"xã\"", ceremonyDate: "05/01/2020")], separator: ';'));
        Assert.Empty(Problems(report));
    }

    [Fact]
    public async Task Scope_ProvinceOfficialOfAnotherProvince_GetsARowError_CommuneOfficer403_Anonymous401()
    {
        var commune = await app.NewCommune();
        var file = Csv([Row(commune.Code)]);

        var other = await Checked("tinh.travinh.thamdinh", file);
        var (row, column, message) = Assert.Single(Problems(other));
        Assert.Equal((2, "Mã đơn vị"), (row, column));
        Assert.Contains("không thuộc phạm vi", message);

        var mine = await Checked(DongThap, file);
        var seen = await (await app.As("tinh.travinh.thamdinh")).GetAsync($"/api/recognition-imports/{mine.GetProperty("id").GetString()}");
        await ProblemAssert.Is(HttpStatusCode.NotFound, seen);
        var list = await (await app.As("tinh.travinh.thamdinh")).GetFromJsonAsync<JsonElement>("/api/recognition-imports");
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == mine.GetProperty("id").GetString());
        var leader = await (await app.As("tinh.dongthap.lanhdao")).GetFromJsonAsync<JsonElement>("/api/recognition-imports");
        Assert.Contains(leader.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == mine.GetProperty("id").GetString());

        await ProblemAssert.Is(HttpStatusCode.Forbidden, await (await app.As(commune.Officer)).Upload(file));
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await (await app.As(commune.Officer)).GetAsync("/api/recognition-imports"));
        await ProblemAssert.Is(HttpStatusCode.Unauthorized, await app.Anonymous().Upload(file));
        await ProblemAssert.Is(HttpStatusCode.Unauthorized, await app.Anonymous().GetAsync("/api/recognition-imports/template"));
    }

    public static TheoryData<string, byte[], HttpStatusCode, string> BadFiles() => new()
    {
        { "mau.pdf", "%PDF-1.7\n"u8.ToArray(), HttpStatusCode.UnsupportedMediaType, "không phải bảng tính" },
        { "hong.xlsx", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8], HttpStatusCode.UnsupportedMediaType, "" },
        { "ngau-nhien.xlsx", Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251)).ToArray(), HttpStatusCode.UnsupportedMediaType, "" },
        { "zip.xlsx", ZipWithoutWorkbook(), HttpStatusCode.UnsupportedMediaType, "" },
        { "cu.xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], HttpStatusCode.UnsupportedMediaType, ".xls" },
        { "ansi.csv", Encoding.Latin1.GetBytes("Mã đơn vị,Năm\r\n"), HttpStatusCode.UnsupportedMediaType, "UTF-8" },
        { "rong.csv", [], HttpStatusCode.BadRequest, "rỗng" },
        { "tieu-de.csv", Csv([]), HttpStatusCode.BadRequest, "chỉ có dòng tiêu đề" },
        { "khoang-trang.csv", "\r\n\r\n"u8.ToArray(), HttpStatusCode.BadRequest, "trống" },
        { "la.csv", Csv([["x"]], ["Mã đơn vị", "Màu sắc"]), HttpStatusCode.BadRequest, "'Màu sắc'" },
        { "thieu.csv", Csv([["x"]], ["Mã đơn vị"]), HttpStatusCode.BadRequest, "Mức công nhận" },
        { "qua-nhieu.csv", Csv(Enumerable.Range(0, 10_001).Select(i => Row($"xa-{i}"))), HttpStatusCode.BadRequest, "10.000" },
        { "qua-lon.csv", new byte[10 * 1024 * 1024 + 1], HttpStatusCode.RequestEntityTooLarge, "10 MB" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task BadFile_IsRefusedAsAWhole_WithAProblemDetails(string fileName, byte[] content, HttpStatusCode status, string fragment)
    {
        var before = await (await app.As(DongThap)).GetFromJsonAsync<JsonElement>("/api/recognition-imports?pageSize=1");

        var problem = await ProblemAssert.Is(status, await (await app.As(DongThap)).Upload(content, fileName));

        Assert.Contains(fragment, problem.Detail());
        var after = await (await app.As(DongThap)).GetFromJsonAsync<JsonElement>("/api/recognition-imports?pageSize=1");
        Assert.Equal(before.GetProperty("total").GetInt32(), after.GetProperty("total").GetInt32());
    }

    private static byte[] ZipWithoutWorkbook()
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(zip.CreateEntry("ghi-chu.txt").Open());
            entry.Write("không phải bảng tính");
        }
        return stream.ToArray();
    }

    [Theory]
    [InlineData("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("csv", "text/csv")]
    public async Task Template_HasTheHeaders_AndUploadedEmptyIsRefusedAsHeaderOnly(string format, string contentType)
    {
        var client = await app.As(DongThap);
        var response = await client.GetAsync($"/api/recognition-imports/template?format={format}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        var template = await response.Content.ReadAsByteArrayAsync();

        var problem = await ProblemAssert.Is(HttpStatusCode.BadRequest, await client.Upload(template, $"mau.{format}"));
        Assert.Contains("chỉ có dòng tiêu đề", problem.Detail());
        await ProblemAssert.Is(HttpStatusCode.BadRequest, await client.GetAsync("/api/recognition-imports/template?format=pdf"));
    }
}

/// <summary>The import page: its own officials see it (and the nav links to it), others are refused.</summary>
public sealed class ImportPageTests(NtmApp app) : IClassFixture<NtmApp>
{
    [Fact]
    public async Task ImportPage_ForTheProvinceOfficial_OffersTheTemplates_ForACommuneOfficer_IsForbidden()
    {
        var appraiser = await PageSession.SignedIn(app, "tinh.dongthap.lanhdao");
        var html = await appraiser.Html("/Recognitions/Import");
        Assert.Contains("?handler=Template&amp;format=xlsx", html);
        Assert.Contains("href=\"/Recognitions/Import\"", html);
        var template = await appraiser.Get("/Recognitions/Import?handler=Template&format=csv");
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        Assert.StartsWith("Mã đơn vị,Tên đơn vị,Mức công nhận", (await template.Content.ReadAsStringAsync()).TrimStart('\uFEFF'));

        var officer = await PageSession.SignedIn(app, "xa.tanhoi");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.Get("/Recognitions/Import")).StatusCode);
        Assert.DoesNotContain("href=\"/Recognitions/Import\"", await officer.Html("/"));
    }
}
