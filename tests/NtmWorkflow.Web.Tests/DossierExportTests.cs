using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;
using NtmWorkflow.Engine;
using NtmWorkflow.Engine.Calendar;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>The dossier list as a file: the same rows as the list for the same filters, typed cells, the caller's scope.</summary>
public sealed class DossierExportTests(NtmApp app) : IClassFixture<NtmApp>
{
    private static readonly string[] Headers =
    [
        "Mã hồ sơ", "Đơn vị", "Mã đơn vị", "Mức", "Năm", "Quy trình", "Giai đoạn", "Trạng thái", "Tiêu chí đạt",
        "Tổng số tiêu chí", "Hạn xử lý", "Ngày làm việc còn lại", "Quá hạn", "Cập nhật",
    ];

    private readonly Procedure procedure = new(app);

    [Fact]
    public async Task Xlsx_WithFilters_HoldsTheListsRows_CellByCell()
    {
        var (first, second) = (await app.NewCommune(), await app.NewCommune());
        await procedure.At(first, "district-review");
        await procedure.At(second, "district-review");
        await procedure.Create(await app.NewCommune());
        var district = await app.As(Procedure.District);
        const string filters = "stage=district-review&status=in-progress&year=2025&unitCode=dong-thap.hong-ngu&sort=due";

        var list = await ListAsync(district, filters);
        var response = await district.GetAsync($"/api/dossiers/export?format=xlsx&{filters}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        var rows = new MemoryStream(bytes).Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(Headers, rows[0].Keys);
        Assert.True(list.Count >= 2, "both communes' dossiers are in district review");
        Assert.Equal(list.Count, rows.Count);
        for (var i = 0; i < list.Count; i++)
        {
            var d = list[i];
            var row = rows[i];
            Assert.Equal(d.GetProperty("id").GetString(), row["Mã hồ sơ"]);
            Assert.Equal(d.GetProperty("unitName").GetString(), row["Đơn vị"]);
            Assert.Equal(d.GetProperty("unitCode").GetString(), row["Mã đơn vị"]);
            Assert.Equal(Levels.VietnameseName(d.GetProperty("level").GetString()!), row["Mức"]);
            Assert.Equal((double)d.GetProperty("year").GetInt32(), row["Năm"]);
            Assert.Equal(d.GetProperty("workflow").GetProperty("title").GetString(), row["Quy trình"]);
            Assert.Equal("Thẩm tra cấp huyện", row["Giai đoạn"]);
            Assert.Equal("Đang xử lý", row["Trạng thái"]);
            Assert.Equal((double)d.GetProperty("criteriaMet").GetInt32(), row["Tiêu chí đạt"]);
            Assert.Equal((double)d.GetProperty("criteriaTotal").GetInt32(), row["Tổng số tiêu chí"]);
            Assert.Equal(VietnamDate(d.GetProperty("dueAt")), row["Hạn xử lý"]);
            Assert.Equal((double)d.GetProperty("workingDaysLeft").GetInt32(), row["Ngày làm việc còn lại"]);
            Assert.Equal(d.GetProperty("overdue").GetBoolean() ? "Có" : "Không", row["Quá hạn"]);
            Assert.Equal(VietnamDate(d.GetProperty("updatedAt")), row["Cập nhật"]);
        }
        Assert.Contains(rows, r => (string?)r["Mã đơn vị"] == first.Code);
        Assert.Contains(rows, r => (string?)r["Mã đơn vị"] == second.Code);
        Assert.Contains("formatCode=\"dd/MM/yyyy\"", XlsxPart(bytes, "xl/styles.xml"));
    }

    [Fact]
    public async Task Csv_IsUtf8WithABom_VietnameseHeaders_AndDatesDayFirst()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.At(commune, "district-review");
        var district = await app.As(Procedure.District);

        var response = await district.GetAsync($"/api/dossiers/export?format=csv&unitCode={commune.Code}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal(2, Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);

        var rows = new MemoryStream(bytes).Query(useHeaderRow: true, excelType: ExcelType.CSV).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(Headers, rows[0].Keys);
        var row = Assert.Single(rows);
        Assert.Equal(Procedure.Id(dossier), row["Mã hồ sơ"]);
        Assert.Equal(commune.Name, row["Đơn vị"]);
        Assert.Equal("2025", row["Năm"]);
        Assert.Equal(VietnamDate(dossier.GetProperty("dueAt")).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), row["Hạn xử lý"]);
        Assert.Equal(VietnamDate(dossier.GetProperty("updatedAt")).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), row["Cập nhật"]);
    }

    [Theory]
    [InlineData("pdf")]
    [InlineData("xls")]
    public async Task AnUnknownFormat_Is400_OnTheFormatField(string format)
    {
        var district = await app.As(Procedure.District);
        var problem = await ProblemAssert.Is(HttpStatusCode.BadRequest, await district.GetAsync($"/api/dossiers/export?format={format}"));
        Assert.True(problem.Names("format"), problem.ToString());
    }

    [Fact]
    public async Task ABadFilter_Is400_AsForTheList()
    {
        var district = await app.As(Procedure.District);
        var problem = await ProblemAssert.Is(HttpStatusCode.BadRequest, await district.GetAsync("/api/dossiers/export?format=csv&status=archived"));
        Assert.True(problem.Names("Status") || problem.Names("status"), problem.ToString());
        var unknownUnit = await ProblemAssert.Is(HttpStatusCode.BadRequest, await district.GetAsync("/api/dossiers/export?unitCode=khong-co"));
        Assert.True(unknownUnit.Names("unitCode"), unknownUnit.ToString());
    }

    [Fact]
    public async Task AUnitOutsideTheCallersScope_Is403()
    {
        var district = await app.As(Procedure.District);
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await district.GetAsync("/api/dossiers/export?format=xlsx&unitCode=tra-vinh.tra-cu"));
    }

    [Fact]
    public async Task ACommuneOfficer_ExportsOnlyTheirOwnDossiers()
    {
        var (own, neighbour) = (await app.NewCommune(), await app.NewCommune());
        var dossier = await procedure.Create(own);
        await procedure.Create(neighbour);
        var officer = await app.As(own.Officer);

        var bytes = await officer.GetByteArrayAsync("/api/dossiers/export?format=xlsx");
        var rows = new MemoryStream(bytes).Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        var row = Assert.Single(rows);
        Assert.Equal(Procedure.Id(dossier), row["Mã hồ sơ"]);
        Assert.Equal(own.Code, row["Mã đơn vị"]);
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await officer.GetAsync($"/api/dossiers/export?unitCode={neighbour.Code}"));
    }

    [Fact]
    public async Task TheListPage_LinksToTheExportWithItsFilters_WhichTheSignInCookieOpens()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.At(commune, "district-review");
        var session = await PageSession.SignedIn(app, Procedure.District);

        var html = await session.Html($"/Dossiers?stage=district-review&unitCode={commune.Code}&overdue=false");
        var link = $"/dossiers/export?format=csv&amp;stage=district-review&amp;unitCode={Uri.EscapeDataString(commune.Code)}&amp;overdue=false";
        Assert.Contains($"href=\"{link}\"", html);
        Assert.Contains("Xuất Excel", html);

        var response = await session.Get(WebUtility.HtmlDecode(link));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains(Procedure.Id(dossier), text);
        Assert.Equal(2, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    private static async Task<List<JsonElement>> ListAsync(HttpClient client, string filters)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/dossiers?pageSize=100&{filters}");
        Assert.True(page.GetProperty("total").GetInt32() <= 100);
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    private static DateTime VietnamDate(JsonElement utc) =>
        WorkingCalendar.ToVietnamDate(utc.GetDateTime().ToUniversalTime()).ToDateTime(TimeOnly.MinValue);

    private static string XlsxPart(byte[] xlsx, string part)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        using var reader = new StreamReader(zip.GetEntry(part)!.Open());
        return reader.ReadToEnd();
    }
}
