using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>
/// A commune's yearly criteria status: recorded by the commune officer against the set of the year's period, confirmed
/// by the province, kept as history, and fed by a dossier's self-assessment of the same set.
/// </summary>
public sealed class CriteriaStatusTests(NtmApp app) : IClassFixture<NtmApp>
{
    private readonly Procedure procedure = new(app);

    private static string Url(string code, int year) => $"/api/communes/{code}/criteria-status?year={year}";

    private async Task<HttpResponseMessage> Put(string who, string code, int year, int number, object body) =>
        await (await app.As(who)).PutAsJsonAsync($"/api/communes/{code}/criteria-status/{year}/{number}", body);

    private async Task<HttpResponseMessage> Confirm(string who, string code, int year, object? body = null) =>
        await (await app.As(who)).PostAsJsonAsync($"/api/communes/{code}/criteria-status/{year}/confirm", body ?? new { });

    private async Task<JsonElement> Status(string who, string code, int year) =>
        await Procedure.Must(await (await app.As(who)).GetAsync(Url(code, year)));

    private async Task<JsonElement> History(string code, int year, string query = "") =>
        await Procedure.Must(await (await app.As(Procedure.Appraiser)).GetAsync($"/api/communes/{code}/criteria-status/history?year={year}{query}"));

    private static JsonElement Criterion(JsonElement status, int number) =>
        status.GetProperty("criteria").EnumerateArray().Single(c => c.GetProperty("number").GetInt32() == number);

    [Fact]
    public async Task TheCommuneRecords_TheProvinceConfirms_AndANewRecordSupersedesAndIsUnconfirmedAgain()
    {
        app.Clock.Now = NtmApp.Start;
        var commune = await app.NewCommune();

        var recorded = await Procedure.Must(await Put(commune.Officer, commune.Code, 2025, 1,
            new { met = true, values = new Dictionary<string, object> { ["1.1"] = true, ["1.2"] = true }, note = "Quy hoạch đã duyệt" }));

        Assert.Equal(19, recorded.GetProperty("total").GetInt32());
        Assert.Equal(1, recorded.GetProperty("met").GetInt32());
        Assert.Equal(1, recorded.GetProperty("unconfirmed").GetInt32());
        Assert.Equal("commune-ntm-2021", recorded.GetProperty("criteriaSet").GetProperty("id").GetString());
        Assert.Equal("Giai đoạn 2021–2025", recorded.GetProperty("period").GetString());
        var current = Criterion(recorded, 1).GetProperty("current");
        Assert.True(current.GetProperty("met").GetBoolean());
        Assert.Equal("commune", current.GetProperty("source").GetString());
        Assert.Equal("Quy hoạch đã duyệt", current.GetProperty("note").GetString());
        Assert.Equal(commune.Officer, current.GetProperty("recordedBy").GetString());
        Assert.False(current.GetProperty("confirmed").GetBoolean());
        Assert.True(Criterion(recorded, 1).GetProperty("indicators")[0].GetProperty("value").GetProperty("flag").GetBoolean());
        Assert.Equal(JsonValueKind.Null, Criterion(recorded, 2).GetProperty("current").ValueKind);

        var confirmed = await Procedure.Must(await Confirm(Procedure.Leader, commune.Code, 2025));
        Assert.Equal(0, confirmed.GetProperty("unconfirmed").GetInt32());
        Assert.Equal(Procedure.Leader, Criterion(confirmed, 1).GetProperty("current").GetProperty("confirmedBy").GetString());

        var again = await Procedure.Must(await Put(commune.Officer, commune.Code, 2025, 1, new { met = false, note = "Quy hoạch hết hạn" }));
        Assert.Equal(0, again.GetProperty("met").GetInt32());
        Assert.False(Criterion(again, 1).GetProperty("current").GetProperty("confirmed").GetBoolean());

        var history = await History(commune.Code, 2025);
        Assert.Equal(2, history.GetProperty("total").GetInt32());
        var records = history.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["Quy hoạch hết hạn", "Quy hoạch đã duyệt"], records.Select(r => r.GetProperty("note").GetString()));
        Assert.Equal([true, false], records.Select(r => r.GetProperty("isCurrent").GetBoolean()));
        Assert.Equal([false, true], records.Select(r => r.GetProperty("confirmed").GetBoolean()));
        var paged = await History(commune.Code, 2025, "&page=2&pageSize=1");
        Assert.Equal("Quy hoạch đã duyệt", Assert.Single(paged.GetProperty("items").EnumerateArray()).GetProperty("note").GetString());

        // Another year of the same commune is its own record.
        Assert.Equal(0, (await Status(commune.Officer, commune.Code, 2024)).GetProperty("recorded").GetInt32());
    }

    [Fact]
    public async Task AValueBelowItsThreshold_LeavesACriterionDeclaredMetUnmet()
    {
        app.Clock.Now = NtmApp.Start;
        var commune = await app.NewCommune();

        var status = await Procedure.Must(await Put(commune.Officer, commune.Code, 2025, 2,
            new { met = true, values = new Dictionary<string, object> { ["2.1"] = 90 } }));

        Assert.False(Criterion(status, 2).GetProperty("met").GetBoolean());
        Assert.Equal(0, status.GetProperty("met").GetInt32());
        var indicator = Criterion(status, 2).GetProperty("indicators")[0];
        Assert.Equal(100m, indicator.GetProperty("threshold").GetDecimal());
        Assert.False(indicator.GetProperty("meetsThreshold").GetBoolean());
    }

    [Fact]
    public async Task TheProvinceConfirmsNamedCriteria_OrRefusesUnknownAndUnrecordedOnes()
    {
        app.Clock.Now = NtmApp.Start;
        var commune = await app.NewCommune();
        foreach (var number in new[] { 1, 2, 3 })
        {
            await Procedure.Must(await Put(commune.Officer, commune.Code, 2025, number, new { met = true }));
        }

        var status = await Procedure.Must(await Confirm(Procedure.Appraiser, commune.Code, 2025, new { numbers = new[] { 2 } }));

        Assert.Equal(3, status.GetProperty("met").GetInt32());
        Assert.Equal(2, status.GetProperty("unconfirmed").GetInt32());
        Assert.Equal([false, true, false], new[] { 1, 2, 3 }.Select(n => Criterion(status, n).GetProperty("current").GetProperty("confirmed").GetBoolean()));
        Assert.True((await ProblemAssert.Is(HttpStatusCode.BadRequest,
            await Confirm(Procedure.Appraiser, commune.Code, 2025, new { numbers = new[] { 99 } }))).Names("numbers"));
        await ProblemAssert.Is(HttpStatusCode.Conflict, await Confirm(Procedure.Appraiser, commune.Code, 2025, new { numbers = new[] { 5 } }));
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await Confirm(commune.Officer, commune.Code, 2025));
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await Confirm(Procedure.District, commune.Code, 2025));
    }

    [Fact]
    public async Task ADossiersSelfAssessment_IsThatYearsStatus()
    {
        app.Clock.Now = NtmApp.Start;
        var commune = await app.NewCommune();

        var dossier = await procedure.Create(commune);

        var status = await Status(Procedure.Appraiser, commune.Code, 2025);
        Assert.Equal(19, status.GetProperty("met").GetInt32());
        Assert.Equal(19, status.GetProperty("recorded").GetInt32());
        var current = Criterion(status, 7).GetProperty("current");
        Assert.Equal("dossier", current.GetProperty("source").GetString());
        Assert.Equal(Procedure.Id(dossier), current.GetProperty("dossierId").GetString());
        Assert.Equal(commune.Officer, current.GetProperty("recordedBy").GetString());

        // A later yearly record supersedes the dossier's, and the dossier's next self-assessment supersedes that.
        await Procedure.Must(await Put(commune.Officer, commune.Code, 2025, 7, new { met = false }));
        Assert.Equal(18, (await Status(Procedure.Appraiser, commune.Code, 2025)).GetProperty("met").GetInt32());
        await Procedure.Must(await (await app.As(commune.Officer)).PutAsJsonAsync($"/api/dossiers/{Procedure.Id(dossier)}/criteria/7", new { met = true }));
        var after = await Status(Procedure.Appraiser, commune.Code, 2025);
        Assert.Equal(19, after.GetProperty("met").GetInt32());
        Assert.Equal(21, (await History(commune.Code, 2025)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task TheYear2026_IsJudgedByTheTenCriteriaOfItsPeriod_UnderTheCommunesGroup()
    {
        app.Clock.Now = NtmApp.Start;
        var commune = await app.NewCommune();
        await ProblemAssert.Is(HttpStatusCode.Conflict, await (await app.As(commune.Officer)).GetAsync(Url(commune.Code, 2026)));
        await app.PlaceInGroup(commune);

        var status = await Procedure.Must(await Put(commune.Officer, commune.Code, 2026, 10, new { met = true }));

        Assert.Equal(10, status.GetProperty("total").GetInt32());
        Assert.Equal("commune-ntm-2026-2030", status.GetProperty("criteriaSet").GetProperty("id").GetString());
        Assert.Equal("nhom-2", Criterion(status, 10).GetProperty("current").GetProperty("communeGroup").GetString());
        await ProblemAssert.Is(HttpStatusCode.NotFound, await Put(commune.Officer, commune.Code, 2026, 11, new { met = true }));
    }

    [Fact]
    public async Task BadInput_IsRefusedWithTheRightStatus_AndRecordsNothing()
    {
        app.Clock.Now = NtmApp.Start;
        var commune = await app.NewCommune();
        var officer = await app.As(commune.Officer);

        Assert.True((await ProblemAssert.Is(HttpStatusCode.BadRequest, await officer.GetAsync(Url(commune.Code, 2040)))).Names("year"));
        Assert.True((await ProblemAssert.Is(HttpStatusCode.BadRequest, await Put(commune.Officer, commune.Code, 2015, 1, new { met = true }))).Names("year"));
        var noSet = await ProblemAssert.Is(HttpStatusCode.Conflict, await officer.GetAsync(Url(commune.Code, 2018)));
        Assert.Contains("Giai đoạn 2016–2020", noSet.Detail());
        await ProblemAssert.Is(HttpStatusCode.NotFound, await officer.GetAsync(Url("khong-co-xa-nay", 2025)));
        var district = await ProblemAssert.Is(HttpStatusCode.Conflict, await (await app.As(Procedure.Appraiser)).GetAsync(Url("dong-thap.hong-ngu", 2025)));
        Assert.Contains("không phải xã", district.Detail());
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await (await app.As(Procedure.Appraiser)).GetAsync(Url("tra-vinh.tra-cu.tap-son", 2025)));
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await (await app.As("xa.tanhoi")).GetAsync(Url(commune.Code, 2025)));
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await Put(Procedure.Appraiser, commune.Code, 2025, 1, new { met = true }));
        await ProblemAssert.Is(HttpStatusCode.NotFound, await Put(commune.Officer, commune.Code, 2025, 20, new { met = true }));
        Assert.True((await ProblemAssert.Is(HttpStatusCode.BadRequest, await Put(commune.Officer, commune.Code, 2025, 1, new { note = "x" }))).Names("met"));
        Assert.True((await ProblemAssert.Is(HttpStatusCode.BadRequest, await Put(commune.Officer, commune.Code, 2025, 2,
            new { met = true, values = new Dictionary<string, object> { ["2.1"] = "nhiều" } }))).Names("values.2.1"));
        Assert.True((await ProblemAssert.Is(HttpStatusCode.BadRequest, await Put(commune.Officer, commune.Code, 2025, 2,
            new { met = true, values = new Dictionary<string, object> { ["9.9"] = 1 } }))).Names("values.9.9"));
        Assert.True((await ProblemAssert.Is(HttpStatusCode.BadRequest, await Put(commune.Officer, commune.Code, 2025, 2,
            new { met = true, values = new Dictionary<string, object> { ["2.1"] = true } }))).Names("values.2.1"));
        Assert.True((await ProblemAssert.Is(HttpStatusCode.BadRequest, await Put(commune.Officer, commune.Code, 2025, 1,
            new { met = true, note = new string('x', 4001) }))).Names("note"));
        Assert.True((await ProblemAssert.Is(HttpStatusCode.BadRequest,
            await officer.GetAsync($"/api/communes/{commune.Code}/criteria-status/history?year=2025&pageSize=0"))).Names("pageSize"));
        await ProblemAssert.Is(HttpStatusCode.BadRequest, await officer.PutAsync($"/api/communes/{commune.Code}/criteria-status/2025/1",
            new StringContent("{\"met\":", Encoding.UTF8, "application/json")));

        Assert.Equal(0, (await History(commune.Code, 2025)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ACommuneThatEnded_HasNoStatusForTheYearsAfter()
    {
        app.Clock.Now = NtmApp.Start;
        var commune = await app.NewCommune();
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            (await db.Units.FindAsync(commune.Code))!.Dissolve(new DateOnly(2024, 6, 30), "Nghị quyết thử", null);
            await db.SaveChangesAsync();
        }

        await Procedure.Must(await (await app.As(Procedure.Appraiser)).GetAsync(Url(commune.Code, 2024)));
        var refused = await ProblemAssert.Is(HttpStatusCode.Conflict, await (await app.As(Procedure.Appraiser)).GetAsync(Url(commune.Code, 2025)));
        Assert.Contains("30/06/2024", refused.Detail());
    }

    [Fact]
    public async Task ThePage_RecordsTheCommunesForm_AndTheProvinceConfirmsFromIt()
    {
        app.Clock.Now = NtmApp.Start;
        var commune = await app.NewCommune();
        var officer = await PageSession.SignedIn(app, commune.Officer);
        const string page = "/Programme/CriteriaStatus?year=2025";
        Assert.Contains("0/19", await officer.Html(page));

        var saved = await officer.Post($"{page}&handler=Criteria", new()
        {
            ["unit"] = commune.Code, ["year"] = "2025", ["Met"] = "1", ["explanation-1"] = "Đã duyệt quy hoạch", ["value-1.1"] = "true",
        });

        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);
        var current = Criterion(await Status(commune.Officer, commune.Code, 2025), 1).GetProperty("current");
        Assert.Equal("Đã duyệt quy hoạch", current.GetProperty("note").GetString());
        Assert.Equal(19, (await History(commune.Code, 2025)).GetProperty("total").GetInt32());
        var province = await PageSession.SignedIn(app, Procedure.Appraiser);
        var provincePage = $"/Programme/CriteriaStatus?unit={commune.Code}&year=2025";
        Assert.Contains("1/19", await province.Html(provincePage));

        var confirmed = await province.Post($"{provincePage}&handler=Confirm", new() { ["unit"] = commune.Code, ["year"] = "2025" });

        Assert.Equal(HttpStatusCode.Found, confirmed.StatusCode);
        Assert.Equal(0, (await Status(Procedure.Appraiser, commune.Code, 2025)).GetProperty("unconfirmed").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await province.Get("/Programme/CriteriaStatus?unit=tra-vinh.tra-cu.tap-son&year=2025")).StatusCode);
    }
}
