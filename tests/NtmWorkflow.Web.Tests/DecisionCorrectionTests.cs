using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>The signer corrects a recorded decision with a reason; the registry shows the correction, the timeline both.</summary>
public sealed class DecisionCorrectionTests(NtmApp app) : IClassFixture<NtmApp>
{
    private readonly Procedure procedure = new(app);

    [Fact]
    public async Task TheLeader_CorrectsTheNumber_TheRegistryShowsIt_AndTheTimelineKeepsTheOld()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.At(commune, "recognised");
        var signed = dossier.GetProperty("decision");

        var corrected = await Procedure.Must(await Correct(Procedure.Leader, dossier, "695/QĐ-UBND-HC", Today(), "Chủ tịch UBND tỉnh", "Ghi nhầm số"));

        Assert.Equal("695/QĐ-UBND-HC", corrected.GetProperty("decision").GetProperty("number").GetString());
        Assert.Equal("Chủ tịch UBND tỉnh", corrected.GetProperty("decision").GetProperty("signer").GetString());
        var registry = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/public/decisions?q={Uri.EscapeDataString(commune.Name)}");
        var listed = Assert.Single(registry.GetProperty("items").EnumerateArray()).GetProperty("decision");
        Assert.Equal("695/QĐ-UBND-HC", listed.GetProperty("number").GetString());
        var correction = (await procedure.Timeline(commune.Officer, dossier)).EnumerateArray()
            .Single(e => e.GetProperty("action").GetString() == "correct-decision");
        Assert.Contains(signed.GetProperty("number").GetString()!, correction.GetProperty("comment").GetString());
        Assert.Contains("Ghi nhầm số", correction.GetProperty("comment").GetString());
        Assert.Equal("Đính chính quyết định", correction.GetProperty("actionTitle").GetString());
    }

    [Fact]
    public async Task WithoutAReason_Is400_AndNothingChanges()
    {
        var dossier = await procedure.At(await app.NewCommune(), "recognised");

        var problem = await ProblemAssert.Is(HttpStatusCode.BadRequest, await Correct(Procedure.Leader, dossier, "9/QĐ", Today(), "Chủ tịch", " "));

        Assert.True(problem.Names("reason"));
        Assert.Equal(dossier.GetProperty("decision").GetProperty("number").GetString(),
            (await procedure.Get(Procedure.Leader, dossier)).GetProperty("decision").GetProperty("number").GetString());
    }

    [Theory]
    [InlineData("xa")]
    [InlineData(Procedure.Appraiser)]
    [InlineData("tinh.travinh.lanhdao")]
    public async Task OnlyTheSignersRoleInScope_MayCorrect(string who)
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.At(commune, "recognised");

        var response = await Correct(who == "xa" ? commune.Officer : who, dossier, "9/QĐ", Today(), "Chủ tịch", "Sửa");

        await ProblemAssert.Is(HttpStatusCode.Forbidden, response);
    }

    [Fact]
    public async Task ACorrectionToAFutureDate_OrAfterTheCeremony_Is400()
    {
        var dossier = await procedure.At(await app.NewCommune(), "recognised");

        var future = await Correct(Procedure.Leader, dossier, "9/QĐ", Today().AddDays(1), "Chủ tịch", "Sửa ngày");
        Assert.True((await ProblemAssert.Is(HttpStatusCode.BadRequest, future)).Names("decision.date"));
        app.Clock.Now += TimeSpan.FromDays(5);
        var afterCeremony = await Correct(Procedure.Leader, dossier, "9/QĐ", Today(), "Chủ tịch", "Sửa ngày");
        Assert.True((await ProblemAssert.Is(HttpStatusCode.BadRequest, afterCeremony)).Names("ceremony.date"));
    }

    [Fact]
    public async Task BeforeADecisionIsRecorded_Is409()
    {
        var dossier = await procedure.At(await app.NewCommune(), "decision");

        await ProblemAssert.Is(HttpStatusCode.Conflict, await Correct(Procedure.Leader, dossier, "9/QĐ", Today(), "Chủ tịch", "Sửa"));
    }

    [Fact]
    public async Task ThePage_OffersTheCorrectionToTheSigner_AndKeepsTheInputBesideItsMessage()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.At(commune, "recognised");
        var page = $"/Dossiers/{Procedure.Id(dossier)}";
        var officer = new PageSession(app);
        await officer.SignIn(commune.Officer);
        Assert.DoesNotContain("Correction.Reason", await officer.Html(page));
        var leader = new PageSession(app);
        await leader.SignIn(Procedure.Leader);
        Assert.Contains("Correction.Reason", await leader.Html(page));
        var fields = new Dictionary<string, string>
        {
            ["Correction.ExpectedVersion"] = dossier.GetProperty("version").GetInt32().ToString(CultureInfo.InvariantCulture),
            ["Correction.Number"] = "700/QĐ-UBND", ["Correction.Date"] = app.Clock.TodayText, ["Correction.Signer"] = "Chủ tịch UBND tỉnh",
        };

        var missing = await leader.Post($"{page}?handler=Correct", new(fields));
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        var html = await missing.Content.ReadAsStringAsync();
        Assert.Contains("Cần lý do đính chính", html);
        Assert.Contains("700/QĐ-UBND", html);

        fields["Correction.Reason"] = "Ghi nhầm số";
        Assert.Equal(HttpStatusCode.Redirect, (await leader.Post($"{page}?handler=Correct", new(fields))).StatusCode);
        Assert.Equal("700/QĐ-UBND", (await procedure.Get(commune.Officer, dossier)).GetProperty("decision").GetProperty("number").GetString());
    }

    private async Task<HttpResponseMessage> Correct(string who, JsonElement dossier, string number, DateOnly date, string signer, string reason) =>
        await (await app.As(who)).PostAsJsonAsync($"/api/dossiers/{Procedure.Id(dossier)}/decision/corrections", new
        {
            expectedVersion = (await procedure.Get("admin", dossier)).GetProperty("version").GetInt32(),
            number,
            date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            signer,
            reason,
        });

    private DateOnly Today() => app.Clock.Today;
}
