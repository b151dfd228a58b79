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
/// Annual plans: the province registers which commune is to reach which level in which year (or confirms the commune's
/// own proposal), and planned against achieved is counted from confirmed plans and standing recognitions.
/// </summary>
public sealed class AnnualPlanTests(NtmApp app) : IClassFixture<NtmApp>
{
    private async Task<HttpResponseMessage> Create(string who, string unitCode, int year = 2025, string level = Levels.Ntm, string? note = null) =>
        await (await app.As(who)).PostAsJsonAsync("/api/plans", new { unitCode, year, level, note });

    private async Task<HttpResponseMessage> Decide(string who, JsonElement plan, string action, int? expectedVersion = null) =>
        await (await app.As(who)).PostAsJsonAsync($"/api/plans/{plan.GetProperty("id").GetString()}/{action}",
            new { expectedVersion = expectedVersion ?? plan.GetProperty("version").GetInt32() });

    private async Task<JsonElement> List(string who, string query) =>
        await Procedure.Must(await (await app.As(who)).GetAsync($"/api/plans?{query}"));

    private async Task Recognise(TestUnit commune, string level, int year)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Recognitions.Add(Recognition.Imported((await db.Units.FindAsync(commune.Code))!, level, year, "15/QĐ-UBND", new DateOnly(year, 12, 20), "UBND tỉnh"));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task TheProvinceRegistersAPlan_ConfirmedAtOnce_AndAStandingRecognitionOfThatYearAchievesIt()
    {
        app.Clock.Now = NtmApp.Start;
        var commune = await app.NewCommune();

        var response = await Create(Procedure.Appraiser, commune.Code, note: "Chỉ đạo điểm");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var plan = await response.Json();
        Assert.Equal("confirmed", plan.GetProperty("status").GetString());
        Assert.Equal(Procedure.Appraiser, plan.GetProperty("decidedBy").GetString());
        Assert.Equal("Chỉ đạo điểm", plan.GetProperty("note").GetString());
        Assert.False(plan.GetProperty("achieved").GetBoolean());
        var query = $"year=2025&unitCode={commune.Code}";
        var before = await List(Procedure.Appraiser, query);
        Assert.Equal((1, 0, 1), (before.GetProperty("planned").GetInt32(), before.GetProperty("achieved").GetInt32(), before.GetProperty("notYet").GetInt32()));

        await Recognise(commune, Levels.Ntm, 2024);
        Assert.False((await List(Procedure.Appraiser, query)).GetProperty("plans").GetProperty("items")[0].GetProperty("achieved").GetBoolean());
        await Recognise(commune, Levels.Ntm, 2025);

        var after = await List(Procedure.Appraiser, query);
        Assert.Equal((1, 1, 0), (after.GetProperty("planned").GetInt32(), after.GetProperty("achieved").GetInt32(), after.GetProperty("notYet").GetInt32()));
        var listed = Assert.Single(after.GetProperty("plans").GetProperty("items").EnumerateArray());
        Assert.True(listed.GetProperty("achieved").GetBoolean());
        Assert.Equal(commune.Name, listed.GetProperty("unitName").GetString());
        Assert.Equal("đạt chuẩn nông thôn mới", listed.GetProperty("levelName").GetString());
        Assert.Equal(1, (await List(commune.Officer, "year=2025")).GetProperty("plans").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task TheCommuneProposes_TheProvinceConfirms_AndAStaleVersionIsRefused()
    {
        app.Clock.Now = NtmApp.Start;
        var commune = await app.NewCommune();

        var proposed = await Procedure.Must(await Create(commune.Officer, commune.Code));

        Assert.Equal("proposed", proposed.GetProperty("status").GetString());
        Assert.Equal(0, (await List(Procedure.Appraiser, $"unitCode={commune.Code}")).GetProperty("planned").GetInt32());
        Assert.Equal(1, (await List(Procedure.Appraiser, $"unitCode={commune.Code}&status=proposed")).GetProperty("plans").GetProperty("total").GetInt32());
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await Decide(commune.Officer, proposed, "confirm"));
        await ProblemAssert.Is(HttpStatusCode.Conflict, await Decide(Procedure.Appraiser, proposed, "confirm", expectedVersion: 5));

        var confirmed = await Procedure.Must(await Decide(Procedure.Leader, proposed, "confirm"));

        Assert.Equal("confirmed", confirmed.GetProperty("status").GetString());
        Assert.Equal(Procedure.Leader, confirmed.GetProperty("decidedBy").GetString());
        Assert.Equal(1, confirmed.GetProperty("version").GetInt32());
        await ProblemAssert.Is(HttpStatusCode.Conflict, await Decide(Procedure.Appraiser, proposed, "withdraw"));
        await ProblemAssert.Is(HttpStatusCode.Conflict, await Decide(Procedure.Appraiser, confirmed, "confirm"));
        await ProblemAssert.Is(HttpStatusCode.Conflict, await Decide(commune.Officer, confirmed, "withdraw"));
        var withdrawn = await Procedure.Must(await Decide(Procedure.Appraiser, confirmed, "withdraw"));
        Assert.Equal("withdrawn", withdrawn.GetProperty("status").GetString());
        await ProblemAssert.Is(HttpStatusCode.Conflict, await Decide(Procedure.Appraiser, withdrawn, "withdraw"));
    }

    [Fact]
    public async Task TheCommuneWithdrawsItsOwnProposal_AndMayThenPlanTheSameAgain_ButNotTwice()
    {
        app.Clock.Now = NtmApp.Start;
        var commune = await app.NewCommune();
        var proposed = await Procedure.Must(await Create(commune.Officer, commune.Code));
        await ProblemAssert.Is(HttpStatusCode.Conflict, await Create(Procedure.Appraiser, commune.Code));

        var withdrawn = await Procedure.Must(await Decide(commune.Officer, proposed, "withdraw"));

        Assert.Equal("withdrawn", withdrawn.GetProperty("status").GetString());
        await Procedure.Must(await Create(Procedure.Appraiser, commune.Code));
        await ProblemAssert.Is(HttpStatusCode.Conflict, await Create(commune.Officer, commune.Code));
        await Procedure.Must(await Create(Procedure.Appraiser, commune.Code, level: Levels.NtmNangCao));
        Assert.Equal(2, (await List(Procedure.Appraiser, $"unitCode={commune.Code}")).GetProperty("planned").GetInt32());
    }

    [Fact]
    public async Task BadInput_IsRefusedWithItsReason()
    {
        app.Clock.Now = NtmApp.Start;
        var commune = await app.NewCommune();

        Assert.True((await ProblemAssert.Is(HttpStatusCode.BadRequest, await Create(Procedure.Appraiser, commune.Code, year: 2040))).Names("year"));
        Assert.True((await ProblemAssert.Is(HttpStatusCode.BadRequest, await Create(Procedure.Appraiser, commune.Code, year: 0))).Names("year"));
        Assert.True((await ProblemAssert.Is(HttpStatusCode.BadRequest, await Create(Procedure.Appraiser, commune.Code, level: "xa-dep"))).Names("level"));
        Assert.True((await ProblemAssert.Is(HttpStatusCode.BadRequest, await Create(Procedure.Appraiser, "khong-co"))).Names("unitCode"));
        var closed = await ProblemAssert.Is(HttpStatusCode.Conflict, await Create(Procedure.Appraiser, commune.Code, year: 2026, level: Levels.NtmNangCao));
        Assert.Contains("Giai đoạn 2026–2030", closed.Detail());
        Assert.Contains("không phải xã", (await ProblemAssert.Is(HttpStatusCode.Conflict, await Create(Procedure.Appraiser, "dong-thap.hong-ngu"))).Detail());
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await Create(Procedure.Appraiser, "tra-vinh.tra-cu.tap-son"));
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await Create("xa.tanhoi", commune.Code));
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await Create(Procedure.District, commune.Code));
        Assert.True((await ProblemAssert.Is(HttpStatusCode.BadRequest, await (await app.As(Procedure.Appraiser)).GetAsync("/api/plans?year=2040"))).Names("year"));
        Assert.True((await ProblemAssert.Is(HttpStatusCode.BadRequest, await (await app.As(Procedure.Appraiser)).GetAsync("/api/plans?status=done"))).Names("status"));
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await (await app.As(Procedure.Appraiser)).GetAsync("/api/plans?unitCode=tra-vinh"));
        await ProblemAssert.Is(HttpStatusCode.NotFound, await (await app.As(Procedure.Appraiser)).PostAsJsonAsync($"/api/plans/{Guid.NewGuid()}/confirm", new { }));
        Assert.Equal(0, (await List(Procedure.Appraiser, $"unitCode={commune.Code}")).GetProperty("plans").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task AnotherProvince_NeitherSeesNorDecidesThePlan()
    {
        app.Clock.Now = NtmApp.Start;
        var commune = await app.NewCommune();
        var proposed = await Procedure.Must(await Create(commune.Officer, commune.Code));

        await ProblemAssert.Is(HttpStatusCode.Forbidden, await Decide("tinh.travinh.thamdinh", proposed, "confirm"));
        await ProblemAssert.Is(HttpStatusCode.Forbidden,
            await (await app.As("tinh.travinh.thamdinh")).GetAsync($"/api/plans/{proposed.GetProperty("id").GetString()}"));
        var theirs = await List("tinh.travinh.thamdinh", "");
        Assert.DoesNotContain(theirs.GetProperty("plans").GetProperty("items").EnumerateArray(), p => p.GetProperty("unitCode").GetString() == commune.Code);
        Assert.True((await Procedure.Must(await (await app.As(Procedure.Appraiser)).GetAsync($"/api/plans/{proposed.GetProperty("id").GetString()}")))
            .GetProperty("canConfirm").GetBoolean());
    }

    [Fact]
    public async Task ThePage_AddsAPlan_AndConfirmsTheCommunesProposal()
    {
        app.Clock.Now = NtmApp.Start;
        var commune = await app.NewCommune();
        var officer = await PageSession.SignedIn(app, commune.Officer);
        const string page = "/Programme/Plans?year=2025";

        var proposed = await officer.Post($"{page}&handler=Add", new()
        {
            ["Form.UnitCode"] = commune.Code, ["Form.Year"] = "2025", ["Form.Level"] = Levels.Ntm, ["Form.Note"] = "Phấn đấu cuối năm",
        });

        Assert.Equal(HttpStatusCode.Found, proposed.StatusCode);
        var plan = (await List(Procedure.Appraiser, $"unitCode={commune.Code}")).GetProperty("plans").GetProperty("items")[0];
        Assert.Equal("proposed", plan.GetProperty("status").GetString());
        var province = await PageSession.SignedIn(app, Procedure.Appraiser);
        Assert.Contains(commune.Name, await province.Html(page));
        var confirmed = await province.Post($"{page}&handler=Confirm", new()
        {
            ["plan"] = plan.GetProperty("id").GetString()!, ["version"] = "0",
        });
        Assert.Equal(HttpStatusCode.Found, confirmed.StatusCode);
        Assert.Equal(1, (await List(Procedure.Appraiser, $"unitCode={commune.Code}")).GetProperty("planned").GetInt32());
        var again = await province.Post($"{page}&handler=Confirm", new() { ["plan"] = plan.GetProperty("id").GetString()!, ["version"] = "0" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Kế hoạch đã thay đổi", await again.Content.ReadAsStringAsync());
    }
}
