using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>
/// A 2026 dossier: the two-tier procedure by default, judged by the Decision 51/2025 set whose thresholds follow the
/// commune's group as it stood when each criterion was assessed, and the pilot level that needs NTM of the same period.
/// </summary>
public sealed class Period2026Tests(NtmApp app) : IClassFixture<NtmApp>
{
    private readonly Procedure procedure = new(app);

    [Fact]
    public async Task ACommuneWithoutAGroup_CannotOpenA2026Dossier_AndIsToldWhatIsMissing()
    {
        var commune = await app.NewCommune();

        var problem = await ProblemAssert.Is(HttpStatusCode.Conflict, await Create(commune, "ntm", 2026));

        Assert.Contains($"{commune.Name} chưa được xếp nhóm xã có hiệu lực ngày", problem.Detail());
        Assert.Contains($"/Units/{commune.Code}/Groups", problem.Detail());
        var list = await Procedure.Must(await (await app.As(commune.Officer)).GetAsync($"/api/dossiers?unitCode={commune.Code}"));
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task TheDefault2026Procedure_GoesFromCommuneToProvince_AndEndsRecognised()
    {
        var commune = await app.NewCommune();
        await app.PlaceInGroup(commune, "nhom-2");

        var dossier = await procedure.Create(commune, year: 2026);

        Assert.Equal("commune-ntm-2026", dossier.GetProperty("workflow").GetProperty("id").GetString());
        Assert.Equal(10, dossier.GetProperty("criteria").GetProperty("total").GetInt32());
        dossier = await procedure.At(commune, "recognised", Procedure.TwoTier, existing: dossier);
        var stages = (await procedure.Timeline(commune.Officer, dossier)).EnumerateArray()
            .Select(e => e.GetProperty("toStage").GetString()).Distinct().ToList();
        Assert.Equal(["self-assessment", "commune-public-comment", "provincial-appraisal", "appraisal-council", "decision",
            "announcement-ceremony", "recognised"], stages);
        var decisions = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/public/decisions?year=2026");
        Assert.Contains(decisions.GetProperty("items").EnumerateArray(), d => d.GetProperty("unitCode").GetString() == commune.Code);

        var pilot = await procedure.Create(commune, "ntm-hien-dai", year: 2026, qualify: false);
        Assert.Equal("commune-ntm-hien-dai-2026-2030", (await Criteria(commune, pilot)).GetProperty("criteriaSet").GetProperty("id").GetString());
    }

    [Fact]
    public async Task ThePilotLevel_NeedsNtmOfTheSamePeriod_NotOfTheEarlierOne()
    {
        var commune = await app.NewCommune();
        await procedure.At(commune, "recognised");
        await app.PlaceInGroup(commune, "nhom-2");

        var problem = await ProblemAssert.Is(HttpStatusCode.Conflict, await Create(commune, "ntm-hien-dai", 2026));

        Assert.Contains("phải được công nhận đạt chuẩn nông thôn mới Giai đoạn 2026–2030 trước khi đề nghị xét nông thôn mới hiện đại", problem.Detail());
    }

    [Fact]
    public async Task ThePovertyThreshold_FollowsTheGroupInForceWhenAssessed_AndAGroupChangeLeavesEarlierAssessmentsAlone()
    {
        var commune = await app.NewCommune();
        await app.PlaceInGroup(commune, "nhom-2");
        var dossier = await procedure.Create(commune, year: 2026, qualify: false);

        var atThreshold = await Assess(commune, dossier, 4m);
        Assert.DoesNotContain(6, NotMet(atThreshold));
        Assert.Equal(4m, Indicator(atThreshold, "6.2").GetProperty("threshold").GetDecimal());
        Assert.Contains(6, NotMet(await Assess(commune, dossier, 4.1m)));
        await Assess(commune, dossier, 3m);

        await app.PlaceInGroup(commune, "nhom-1", validFrom: app.Clock.Now.AddHours(7).ToString("yyyy-MM-dd"), decision: "121/QĐ-UBND");
        var afterChange = await Criteria(commune, dossier);
        Assert.Equal("nhom-1", afterChange.GetProperty("communeGroup").GetProperty("group").GetString());
        Assert.DoesNotContain(6, NotMet(afterChange));

        var reassessed = await Assess(commune, dossier, 3m);
        Assert.Contains(6, NotMet(reassessed));
        Assert.Equal(2m, Indicator(reassessed, "6.2").GetProperty("threshold").GetDecimal());
    }

    [Theory]
    [InlineData(2026, "Nghị định 07/2021/NĐ-CP")]
    [InlineData(2027, "Chuẩn nghèo đa chiều giai đoạn 2026–2030 (Nghị định 351/2025/NĐ-CP)")]
    public async Task ThePovertyStandard_FollowsTheDossiersYear(int year, string standard)
    {
        var commune = await app.NewCommune();
        await app.PlaceInGroup(commune, "nhom-3");
        var dossier = await procedure.Create(commune, year: year, qualify: false);

        var indicator = Indicator(await Criteria(commune, dossier), "6.2");

        Assert.Contains(standard, indicator.GetProperty("standard").GetString());
        Assert.Equal(13m, indicator.GetProperty("threshold").GetDecimal());
        Assert.True(indicator.GetProperty("provisional").GetBoolean());
    }

    private async Task<HttpResponseMessage> Create(TestUnit unit, string level, int year) =>
        await (await app.As(unit.Officer)).PostAsJsonAsync("/api/dossiers", new { unitCode = unit.Code, level, year });

    private async Task<JsonElement> Assess(TestUnit commune, JsonElement dossier, decimal povertyRate) =>
        await Procedure.Must(await (await app.As(commune.Officer)).PutAsJsonAsync(
            $"/api/dossiers/{Procedure.Id(dossier)}/criteria/6", new { met = true, values = new Dictionary<string, object> { ["6.2"] = povertyRate } }));

    private async Task<JsonElement> Criteria(TestUnit commune, JsonElement dossier) => await procedure.Criteria(commune.Officer, dossier);

    private static List<int> NotMet(JsonElement criteria) =>
        criteria.GetProperty("notMet").EnumerateArray().Select(c => c.GetProperty("number").GetInt32()).ToList();

    private static JsonElement Indicator(JsonElement criteria, string code) => Procedure.Indicator(criteria, code);
}
