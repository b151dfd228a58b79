using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>A decision is dated on a day that has come and after its council's vote; its ceremony after it.</summary>
public sealed class DecisionDateTests(NtmApp app) : IClassFixture<NtmApp>
{
    private readonly Procedure procedure = new(app);

    [Theory]
    [InlineData(1)]
    [InlineData(400)]
    public async Task ADecisionDatedAfterToday_Is400_AndNotPublished(int daysAhead)
    {
        var (commune, dossier) = await AtDecision();

        var response = await Sign(dossier, Today().AddDays(daysAhead));

        var problem = await ProblemAssert.Is(HttpStatusCode.BadRequest, response);
        Assert.True(problem.Names("decision.date"));
        Assert.Contains("chưa đến", problem.Detail());
        Assert.Equal("decision", (await procedure.Get(Procedure.Leader, dossier)).GetProperty("stage").GetString());
        var registry = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/public/decisions?q={Uri.EscapeDataString(commune.Name)}");
        Assert.Equal(0, registry.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ADecisionDatedBeforeTheCouncilVote_Is400()
    {
        var (_, dossier) = await AtDecision();
        var voted = Today();
        app.Clock.Now += TimeSpan.FromDays(3);

        var problem = await ProblemAssert.Is(HttpStatusCode.BadRequest, await Sign(dossier, voted.AddDays(-1)));

        Assert.True(problem.Names("decision.date"));
        Assert.Contains(voted.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), problem.Detail());
        Assert.Equal(HttpStatusCode.OK, (await Sign(await procedure.Get(Procedure.Leader, dossier), voted)).StatusCode);
    }

    [Fact]
    public async Task ACeremonyBeforeItsDecision_Is400()
    {
        var (commune, dossier) = await AtDecision();
        app.Clock.Now += TimeSpan.FromDays(2);
        dossier = await Procedure.Must(await Sign(dossier, Today()));
        dossier = await procedure.ProvideDocuments(Procedure.District, dossier, "hold-ceremony");

        var early = await procedure.Act(Procedure.District, dossier, "hold-ceremony",
            new { ceremony = new { date = Today().AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), place = "Hội trường" } });

        Assert.True((await ProblemAssert.Is(HttpStatusCode.BadRequest, early)).Names("ceremony.date"));
        Assert.Equal("announcement-ceremony", (await procedure.Get(commune.Officer, dossier)).GetProperty("stage").GetString());
    }

    private async Task<(TestUnit Commune, JsonElement Dossier)> AtDecision()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.At(commune, "decision");
        return (commune, await procedure.ProvideDocuments(Procedure.Leader, dossier, "sign-decision"));
    }

    private Task<HttpResponseMessage> Sign(JsonElement dossier, DateOnly date) =>
        procedure.Act(Procedure.Leader, dossier, "sign-decision", new
        {
            decision = new { number = Procedure.FreshNumber, date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), signer = "Chủ tịch UBND tỉnh" },
        });

    private DateOnly Today() => app.Clock.Today;
}
