using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MiniExcelLibs;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>
/// The procedure report against a district of its own whose dossiers moved on days chosen so that every figure is
/// known: four stays in district review of 2, 5, 9 and 25 working days, two of them taken on to the decision (one
/// within the legal time, one 5 working days past the review's deadline), one left overdue in review, one not yet.
/// </summary>
public sealed class ProcedureReportTests(NtmApp app) : IClassFixture<NtmApp>
{
    private const string Review = "district-review";
    private readonly Procedure procedure = new(app);

    private static DateTimeOffset Morning(int month, int day) => new(2026, month, day, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Figures_links_and_exports_match_the_dossiers_moved()
    {
        var district = await app.NewDistrict();
        var path = Procedure.ThreeTier.Select(s => s.Who == Procedure.District ? s with { Who = district.Officer } : s).ToList();
        var communes = new List<TestUnit>();
        var dossiers = new List<JsonElement>();
        foreach (var _ in Enumerable.Range(0, 5))
        {
            communes.Add(await app.NewCommune(district.Code));
            dossiers.Add(await procedure.EnterDistrictReview(communes[^1], Morning(3, 2)));
        }
        var fresh = await procedure.EnterDistrictReview(await app.NewCommune(district.Code), Morning(4, 27));
        // Working days after Monday 02/03/2026: Wednesday 04/03 is the 2nd, Monday 09/03 the 5th, Friday 13/03 the 9th,
        // Monday 06/04 the 25th (the 20th, Monday 30/03, was the review's last day).
        var leaves = new[] { Morning(3, 4), Morning(3, 9), Morning(3, 13), Morning(4, 6) };
        string? late = null;
        for (var i = 0; i < leaves.Length; i++)
        {
            app.Clock.Now = leaves[i];
            var moved = await procedure.MustAct(district.Officer, dossiers[i], "approve");
            if (i is 1 or 3)
            {
                await procedure.At(communes[i], "announcement-ceremony", path, existing: moved);
                late = i == 3 ? Procedure.Id(moved) : late;
            }
        }
        app.Clock.Now = Morning(5, 4);

        var client = await app.As(Procedure.Appraiser);
        var report = await Procedure.Must(await client.GetAsync($"/api/reports/procedure?scope={district.Code}&year=2026"));
        Assert.Equal(district.Code, report.GetProperty("scopeCode").GetString());
        Assert.Equal(2026, report.GetProperty("year").GetInt32());

        var review = Row(report.GetProperty("stages"), Review);
        Assert.Equal("Thẩm tra cấp huyện", review.GetProperty("stageTitle").GetString());
        Assert.Equal(2, review.GetProperty("inProgress").GetInt32());
        Assert.Equal(1, review.GetProperty("overdue").GetInt32());
        Assert.Equal($"/Dossiers?unitCode={district.Code}&stage={Review}&overdue=true", review.GetProperty("overdueLink").GetString());

        var times = Row(report.GetProperty("cycleTimes"), Review);
        Assert.Equal(4, times.GetProperty("observations").GetInt32());
        Assert.Equal(5, times.GetProperty("medianWorkingDays").GetInt32());
        Assert.Equal(25, times.GetProperty("p90WorkingDays").GetInt32());
        Assert.Equal(0, times.GetProperty("uncounted").GetInt32());
        Assert.Equal($"/Dossiers?unitCode={district.Code}&leftStage={Review}&leftYear=2026", times.GetProperty("link").GetString());

        var timeliness = report.GetProperty("timeliness");
        Assert.Equal(2, timeliness.GetProperty("decided").GetInt32());
        Assert.Equal(1, timeliness.GetProperty("withinLegalTime").GetInt32());
        Assert.Equal(1, timeliness.GetProperty("late").GetInt32());
        Assert.Equal(50.0m, timeliness.GetProperty("withinSharePercent").GetDecimal());

        // Each link's filters, sent to the list's API, find exactly the dossiers its figure counts.
        Assert.Equal(1, await Total(client, review.GetProperty("overdueLink").GetString()!));
        Assert.Equal(2, await Total(client, review.GetProperty("inProgressLink").GetString()!));
        Assert.Equal(4, await Total(client, times.GetProperty("link").GetString()!));
        Assert.Equal(2, await Total(client, timeliness.GetProperty("decidedLink").GetString()!));
        Assert.Equal(1, await Total(client, timeliness.GetProperty("withinLink").GetString()!));
        Assert.Equal([late!], await Ids(client, timeliness.GetProperty("lateLink").GetString()!));
        Assert.Equal([Procedure.Id(fresh)], await Ids(client, $"/Dossiers?unitCode={district.Code}&stage={Review}&overdue=false"));

        var xlsx = await client.GetAsync($"/api/reports/procedure/cycle-times?scope={district.Code}&year=2026&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var rows = (await xlsx.Content.ReadAsStreamAsync()).Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        var reviewRow = rows.Single(r => (string?)r["Mã giai đoạn"] == Review);
        Assert.Equal(["Thẩm tra cấp huyện", Review, 4d, 5d, 25d, 0d], reviewRow.Values);
        Assert.Equal(report.GetProperty("cycleTimes").GetArrayLength(), rows.Count);

        var csv = await client.GetAsync($"/api/reports/procedure/timeliness?scope={district.Code}&year=2026&format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var csvRows = new MemoryStream(await csv.Content.ReadAsByteArrayAsync()).Query(useHeaderRow: true, excelType: ExcelType.CSV)
            .Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["Năm", "Đã quyết định", "Trong thời hạn", "Trễ hạn", "Tỷ lệ trong thời hạn (%)"], csvRows.Single().Keys);
        Assert.Equal(["2026", "2", "1", "1", "50"], csvRows.Single().Values);

        var stages = new MemoryStream(await client.GetByteArrayAsync($"/api/reports/procedure/stages?scope={district.Code}&year=2026&format=csv"))
            .Query(useHeaderRow: true, excelType: ExcelType.CSV).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["Thẩm tra cấp huyện", Review, "2", "1"], stages.Single(r => (string?)r["Mã giai đoạn"] == Review).Values);
    }

    [Fact]
    public async Task A_commune_officer_sees_their_own_commune_by_default_and_nothing_above_it()
    {
        var commune = await app.NewCommune();
        var officer = await app.As(commune.Officer);
        var report = await Procedure.Must(await officer.GetAsync("/api/reports/procedure?year=2026"));
        Assert.Equal(commune.Code, report.GetProperty("scopeCode").GetString());
        Assert.Equal(0, report.GetProperty("timeliness").GetProperty("decided").GetInt32());
        Assert.Equal(JsonValueKind.Null, report.GetProperty("timeliness").GetProperty("withinSharePercent").ValueKind);

        await ProblemAssert.Is(HttpStatusCode.Forbidden, await officer.GetAsync("/api/reports/procedure?scope=dong-thap&year=2026"));
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await officer.GetAsync("/api/reports/procedure/stages?scope=dong-thap&year=2026&format=csv"));
    }

    [Theory]
    [InlineData("/api/reports/procedure?year=2015", HttpStatusCode.BadRequest, "year")]
    [InlineData("/api/reports/procedure?year=2031", HttpStatusCode.BadRequest, "year")]
    [InlineData("/api/reports/procedure?scope=khong-co&year=2026", HttpStatusCode.NotFound, null)]
    [InlineData("/api/reports/procedure/stages?year=2026&format=pdf", HttpStatusCode.BadRequest, "format")]
    [InlineData("/api/reports/procedure/khong-co?year=2026", HttpStatusCode.NotFound, null)]
    [InlineData("/api/dossiers?leftYear=2026", HttpStatusCode.BadRequest, "leftYear")]
    public async Task Bad_input_is_a_problem_naming_its_field(string url, HttpStatusCode status, string? field)
    {
        var problem = await ProblemAssert.Is(status, await (await app.As(Procedure.Appraiser)).GetAsync(url));
        if (field is not null)
        {
            Assert.True(problem.Names(field), problem.ToString());
        }
    }

    [Fact]
    public async Task Officials_only()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/reports/procedure")).StatusCode);
    }

    private static JsonElement Row(JsonElement rows, string stage) =>
        rows.EnumerateArray().Single(r => r.GetProperty("stage").GetString() == stage);

    private static async Task<int> Total(HttpClient client, string link) => (await List(client, link)).GetProperty("total").GetInt32();

    private static async Task<List<string>> Ids(HttpClient client, string link) =>
        (await List(client, link)).GetProperty("items").EnumerateArray().Select(Procedure.Id).ToList();

    /// <summary>The dossier list's API with the filters of a page link ("/Dossiers?…").</summary>
    private static async Task<JsonElement> List(HttpClient client, string link) =>
        await Procedure.Must(await client.GetAsync("/api/dossiers" + link["/Dossiers".Length..]));
}
