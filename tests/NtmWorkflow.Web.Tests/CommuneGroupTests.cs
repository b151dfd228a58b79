using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>
/// The commune group (nhóm xã) as a dated fact of a commune: recorded by the province with its decision, in force from
/// its valid-from day (in Vietnam), kept with each self-assessment as it stood that day.
/// </summary>
public sealed class CommuneGroupTests(NtmApp app) : IClassFixture<NtmApp>
{
    private const string Admin = "admin";

    private static object Assignment(string group = "nhom-2", string decisionNumber = "120/QĐ-UBND", string decisionDate = "2026-02-20",
        string validFrom = "2026-03-01", string? note = null) => new { group, decisionNumber, decisionDate, validFrom, note };

    private async Task<HttpResponseMessage> Record(string unitCode, object body, string who = Procedure.Appraiser) =>
        await (await app.As(who)).PostAsJsonAsync($"/api/units/{unitCode}/groups", body);

    private async Task<JsonElement> Groups(string unitCode, string who = Procedure.Appraiser) =>
        await Procedure.Must(await (await app.As(who)).GetAsync($"/api/units/{unitCode}/groups"));

    private async Task<string?> CurrentOn(string unitCode, DateTimeOffset at)
    {
        app.Clock.Now = at;
        var current = (await Groups(unitCode)).GetProperty("current");
        return current.ValueKind == JsonValueKind.Null ? null : current.GetProperty("group").GetString();
    }

    private static DateTimeOffset Vietnam(int year, int month, int day, int hour = 9, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task TheProvinceAppraiser_RecordsAGroup_AndEveryoneWhoSeesTheCommuneReadsIt()
    {
        app.Clock.Now = NtmApp.Start;
        var commune = await app.NewCommune();

        var response = await Record(commune.Code, Assignment(note: "Xã thuần nông"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Json();
        Assert.Equal("nhom-2", created.GetProperty("group").GetString());
        Assert.Equal("Xã nhóm 2", created.GetProperty("groupName").GetString());
        Assert.Equal("120/QĐ-UBND", created.GetProperty("decisionNumber").GetString());
        Assert.Equal("2026-02-20", created.GetProperty("decisionDate").GetString());
        Assert.Equal("2026-03-01", created.GetProperty("validFrom").GetString());
        Assert.Equal(Procedure.Appraiser, created.GetProperty("recordedBy").GetString());
        foreach (var reader in new[] { commune.Officer, Procedure.District, Procedure.Appraiser, Admin })
        {
            var groups = await Groups(commune.Code, reader);
            Assert.Equal("nhom-2", groups.GetProperty("current").GetProperty("group").GetString());
            Assert.Equal("Xã thuần nông", Assert.Single(groups.GetProperty("history").EnumerateArray()).GetProperty("note").GetString());
            Assert.Equal(app.Clock.TodayText, groups.GetProperty("date").GetString());
            Assert.Equal(reader is Procedure.Appraiser or Admin, groups.GetProperty("canRecord").GetBoolean());
        }
    }

    [Fact]
    public async Task AGroup_IsInForceFromItsValidFromDayInVietnam_UntilALaterOneSupersedesIt()
    {
        app.Clock.Now = Vietnam(2026, 5, 25);
        var commune = await app.NewCommune();
        await Procedure.Must(await Record(commune.Code, Assignment("nhom-2", "15/QĐ-UBND", "2026-03-01", "2026-03-10")));
        await Procedure.Must(await Record(commune.Code, Assignment("nhom-1", "88/QĐ-UBND", "2026-05-20", "2026-06-01")));

        // Today (25/05) the later decision is recorded but not yet in force.
        var groups = await Groups(commune.Code);
        Assert.Equal("nhom-2", groups.GetProperty("current").GetProperty("group").GetString());
        Assert.Equal(["2026-06-01", "2026-03-10"], groups.GetProperty("history").EnumerateArray().Select(a => a.GetProperty("validFrom").GetString()));

        Assert.Null(await CurrentOn(commune.Code, Vietnam(2026, 3, 9, 23, 59)));
        Assert.Equal("nhom-2", await CurrentOn(commune.Code, Vietnam(2026, 3, 10, 0, 0)));
        Assert.Equal("nhom-2", await CurrentOn(commune.Code, Vietnam(2026, 5, 31, 23, 59)));
        Assert.Equal("nhom-1", await CurrentOn(commune.Code, Vietnam(2026, 6, 1, 0, 0)));
        Assert.Equal("nhom-1", await CurrentOn(commune.Code, Vietnam(2027, 1, 1)));
    }

    [Fact]
    public async Task OfTwoAssignmentsFromOneDay_TheLaterRecordedIsInForce()
    {
        app.Clock.Now = NtmApp.Start;
        var commune = await app.NewCommune();
        await Procedure.Must(await Record(commune.Code, Assignment("nhom-3", "20/QĐ-UBND")));

        await Procedure.Must(await Record(commune.Code, Assignment("nhom-2", "21/QĐ-UBND", note: "Đính chính quyết định 20"), Admin));

        var groups = await Groups(commune.Code);
        Assert.Equal("nhom-2", groups.GetProperty("current").GetProperty("group").GetString());
        Assert.Equal(["nhom-2", "nhom-3"], groups.GetProperty("history").EnumerateArray().Select(a => a.GetProperty("group").GetString()));
        Assert.Equal(Admin, groups.GetProperty("history")[0].GetProperty("recordedBy").GetString());
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { """{"group":"nhom-4","decisionNumber":"1/QĐ","decisionDate":"2026-02-20","validFrom":"2026-03-01"}""", "group" },
        { """{"group":"vung-1","decisionNumber":"1/QĐ","decisionDate":"2026-02-20","validFrom":"2026-03-01"}""", "group" },
        { """{"decisionNumber":"1/QĐ","decisionDate":"2026-02-20","validFrom":"2026-03-01"}""", "group" },
        { """{"group":"nhom-1","decisionNumber":"  ","decisionDate":"2026-02-20","validFrom":"2026-03-01"}""", "decisionNumber" },
        { $$"""{"group":"nhom-1","decisionNumber":"{{new string('9', 257)}}","decisionDate":"2026-02-20","validFrom":"2026-03-01"}""", "decisionNumber" },
        { """{"group":"nhom-1","decisionNumber":"1/QĐ","validFrom":"2026-03-01"}""", "decisionDate" },
        { """{"group":"nhom-1","decisionNumber":"1/QĐ","decisionDate":"2026-03-03","validFrom":"2026-03-03"}""", "decisionDate" },
        { """{"group":"nhom-1","decisionNumber":"1/QĐ","decisionDate":"2026-02-20"}""", "validFrom" },
        { """{"group":"nhom-1","decisionNumber":"1/QĐ","decisionDate":"2026-02-20","validFrom":"2026-02-19"}""", "validFrom" },
        { $$"""{"group":"nhom-1","decisionNumber":"1/QĐ","decisionDate":"2026-02-20","validFrom":"2026-03-01","note":"{{new string('x', 4001)}}"}""", "note" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task BadInput_Is400NamingTheFieldInVietnamese_AndRecordsNothing(string body, string field)
    {
        app.Clock.Now = NtmApp.Start;
        var commune = await app.NewCommune();

        var response = await (await app.As(Procedure.Appraiser)).PostAsync($"/api/units/{commune.Code}/groups",
            new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.Is(HttpStatusCode.BadRequest, response);
        Assert.True(problem.Names(field), problem.GetRawText());
        Assert.Matches("[ảạầấđệịơưụ]", problem.Detail());
        Assert.Empty((await Groups(commune.Code)).GetProperty("history").EnumerateArray());
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("20/02/2026")]
    [InlineData("hôm qua")]
    public async Task AnUnreadableDate_Is400_AndRecordsNothing(string date)
    {
        app.Clock.Now = NtmApp.Start;
        var commune = await app.NewCommune();

        var response = await (await app.As(Procedure.Appraiser)).PostAsync($"/api/units/{commune.Code}/groups", new StringContent(
            $$"""{"group":"nhom-1","decisionNumber":"1/QĐ","decisionDate":"{{date}}","validFrom":"2026-03-01"}""", Encoding.UTF8, "application/json"));

        Assert.Contains("decisionDate", (await ProblemAssert.Is(HttpStatusCode.BadRequest, response)).Detail());
        Assert.Empty((await Groups(commune.Code)).GetProperty("history").EnumerateArray());
    }

    [Theory]
    [InlineData("dong-thap")]
    [InlineData("dong-thap.hong-ngu")]
    public async Task AUnitThatIsNotACommune_Is400_AndRecordsNothing(string unitCode)
    {
        app.Clock.Now = NtmApp.Start;

        var problem = await ProblemAssert.Is(HttpStatusCode.BadRequest, await Record(unitCode, Assignment()));

        Assert.True(problem.Names("unitCode"));
        Assert.Contains("không phải xã", problem.Detail());
        var groups = await Groups(unitCode);
        Assert.Empty(groups.GetProperty("history").EnumerateArray());
        Assert.False(groups.GetProperty("assignable").GetBoolean());
    }

    [Theory]
    [InlineData("own")]
    [InlineData(Procedure.District)]
    [InlineData(Procedure.Leader)]
    [InlineData("tinh.travinh.thamdinh")]
    [InlineData(Procedure.Central)]
    public async Task OnlyTheProvinceAppraiserOrAnAdministratorInScope_Records_OthersGet403(string who)
    {
        app.Clock.Now = NtmApp.Start;
        var commune = await app.NewCommune();

        await ProblemAssert.Is(HttpStatusCode.Forbidden, await Record(commune.Code, Assignment(), who == "own" ? commune.Officer : who));

        Assert.Empty((await Groups(commune.Code)).GetProperty("history").EnumerateArray());
    }

    [Fact]
    public async Task AnOfficialOutsideTheUnitsScope_CannotReadItsGroups()
    {
        var commune = await app.NewCommune();
        var other = await app.NewCommune();

        await ProblemAssert.Is(HttpStatusCode.Forbidden, await (await app.As(other.Officer)).GetAsync($"/api/units/{commune.Code}/groups"));
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await (await app.As("tinh.travinh.thamdinh")).GetAsync($"/api/units/{commune.Code}/groups"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync($"/api/units/{commune.Code}/groups")).StatusCode);
    }

    [Fact]
    public async Task AnUnknownUnit_Is404()
    {
        await ProblemAssert.Is(HttpStatusCode.NotFound, await (await app.As(Admin)).GetAsync("/api/units/khong-co/groups"));
        await ProblemAssert.Is(HttpStatusCode.NotFound, await Record("khong-co", Assignment(), Admin));
    }

    [Fact]
    public async Task TheSameDecisionRecordedTwice_Is409_AndKeptOnce()
    {
        app.Clock.Now = NtmApp.Start;
        var commune = await app.NewCommune();
        await Procedure.Must(await Record(commune.Code, Assignment()));

        var problem = await ProblemAssert.Is(HttpStatusCode.Conflict, await Record(commune.Code, Assignment(), Admin));

        Assert.Contains("120/QĐ-UBND", problem.Detail());
        Assert.Single((await Groups(commune.Code)).GetProperty("history").EnumerateArray());
    }

    [Fact]
    public async Task ASelfAssessment_KeepsTheGroupInForceThatDay_WhenTheGroupChangesLater()
    {
        app.Clock.Now = NtmApp.Start;
        var commune = await app.NewCommune();
        var dossier = await new Procedure(app).Create(commune, qualify: false);
        var officer = await app.As(commune.Officer);
        var url = $"/api/dossiers/{Procedure.Id(dossier)}/criteria";
        await Procedure.Must(await officer.PutAsJsonAsync($"{url}/1", new { met = false }));
        await Procedure.Must(await Record(commune.Code, Assignment("nhom-2", "15/QĐ-UBND", "2026-02-20", "2026-03-01")));
        await Procedure.Must(await officer.PutAsJsonAsync($"{url}/1", new { met = true }));

        app.Clock.Now = Vietnam(2026, 3, 5);
        await Procedure.Must(await Record(commune.Code, Assignment("nhom-1", "40/QĐ-UBND", "2026-03-04", "2026-03-05")));

        var criteria = await Procedure.Must(await (await app.As(commune.Officer)).GetAsync(url));
        Assert.Equal("nhom-1", criteria.GetProperty("communeGroup").GetProperty("group").GetString());
        var first = criteria.GetProperty("criteria")[0];
        Assert.Equal([null, "nhom-2"], first.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("communeGroup").GetString()));
        Assert.Equal("nhom-2", first.GetProperty("selfAssessment").GetProperty("communeGroup").GetString());

        await Procedure.Must(await (await app.As(commune.Officer)).PutAsJsonAsync($"{url}/1", new { met = true }));
        var reassessed = await Procedure.Must(await (await app.As(commune.Officer)).GetAsync(url));
        Assert.Equal("nhom-1", reassessed.GetProperty("criteria")[0].GetProperty("selfAssessment").GetProperty("communeGroup").GetString());
    }
}
