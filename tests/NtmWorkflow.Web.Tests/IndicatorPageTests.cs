using System.Net;
using System.Text.Json;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>
/// A criterion's indicators on the pages: the commune enters their values on the self-assessment page, sees each
/// judged against the threshold of its group and year, and the dossier's page lists them read-only.
/// </summary>
public sealed class IndicatorPageTests(NtmApp app) : IClassFixture<NtmApp>
{
    private readonly Procedure procedure = new(app);

    [Fact]
    public async Task ThePovertyRate_EnteredOnThePage_IsRecordedAndJudgedByTheCommunesGroup()
    {
        var (commune, dossier, session, page) = await Open2026();
        var html = await session.Html(page);
        Assert.Contains("Xã nhóm 2 (nhom-2)", html);
        Assert.Contains("Bộ tiêu chí tạm (chưa xác nhận):", html);
        Assert.Contains("≤ 4 %", html);
        Assert.Contains("tạm (chưa xác nhận)", html);
        Assert.Contains("Nghị định 07/2021/NĐ-CP", html);
        Assert.Contains("name=\"value-6.2\" type=\"number\" step=\"any\" min=\"0\" max=\"100\"", html);

        var above = await session.Post($"{page}?handler=Criteria", new() { ["Met"] = "6", ["value-6.1"] = "true", ["value-6.2"] = "6.2" });

        Assert.Equal(HttpStatusCode.Redirect, above.StatusCode);
        var criteria = await Criteria(commune, dossier);
        var rate = Indicator(criteria, "6.2");
        Assert.Equal(6.2m, rate.GetProperty("value").GetProperty("number").GetDecimal());
        Assert.False(rate.GetProperty("meetsThreshold").GetBoolean());
        Assert.True(Indicator(criteria, "6.1").GetProperty("value").GetProperty("flag").GetBoolean());
        Assert.Contains(criteria.GetProperty("notMet").EnumerateArray(), c => c.GetProperty("number").GetInt32() == 6);
        Assert.Equal(JsonValueKind.Null, criteria.GetProperty("region").ValueKind);
        Assert.Equal("group", criteria.GetProperty("criteriaSet").GetProperty("thresholdsBy").GetString());
        html = await session.Html(page);
        Assert.Contains("value=\"6.2\"", html);
        Assert.Contains("✗ chưa đạt ngưỡng", html);

        Assert.Equal(HttpStatusCode.Redirect,
            (await session.Post($"{page}?handler=Criteria", new() { ["Met"] = "6", ["value-6.1"] = "true", ["value-6.2"] = "3.5" })).StatusCode);

        criteria = await Criteria(commune, dossier);
        Assert.True(Indicator(criteria, "6.2").GetProperty("meetsThreshold").GetBoolean());
        Assert.DoesNotContain(criteria.GetProperty("notMet").EnumerateArray(), c => c.GetProperty("number").GetInt32() == 6);
        Assert.Contains("✓ đạt", await session.Html(page));
        var details = await session.Html($"/Dossiers/{Procedure.Id(dossier)}");
        Assert.Contains("<details class=\"indicators\">", details);
        Assert.Contains("3,5 %", details);
        Assert.Contains("Xã nhóm 2 (nhom-2)", details);
    }

    [Fact]
    public async Task AValueThatIsNotANumber_IsRefusedInVietnamese_AndNothingOfTheFormIsSaved()
    {
        var (commune, dossier, session, page) = await Open2026();

        var refused = await session.Post($"{page}?handler=Criteria",
            new() { ["Met"] = "3", ["explanation-3"] = "Thu nhập tăng", ["value-6.2"] = "sáu phẩy hai" });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Chưa lưu: giá trị của chỉ tiêu 6.2 không hợp lệ.", html);
        Assert.Contains("<span class=\"field-error\">Cần nhập một số.</span>", html);
        Assert.Contains("value=\"sáu phẩy hai\"", html);
        Assert.Contains("Thu nhập tăng", html);
        var criteria = await Criteria(commune, dossier);
        Assert.All(criteria.GetProperty("criteria").EnumerateArray(), c => Assert.Equal(JsonValueKind.Null, c.GetProperty("selfAssessment").ValueKind));
        Assert.Equal(0, criteria.GetProperty("met").GetInt32());
    }

    [Fact]
    public async Task ANegativeRate_IsRefusedBesideItsField_WithTheServersReason()
    {
        var (commune, dossier, session, page) = await Open2026();

        var refused = await session.Post($"{page}?handler=Criteria", new() { ["Met"] = "6", ["value-6.2"] = "-1" });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("<span class=\"field-error\">Chỉ tiêu 6.2 không nhận số âm.</span>", await refused.Content.ReadAsStringAsync());
        Assert.Equal(JsonValueKind.Null, Indicator(await Criteria(commune, dossier), "6.2").GetProperty("value").ValueKind);
    }

    private async Task<(TestUnit Commune, JsonElement Dossier, PageSession Session, string Page)> Open2026()
    {
        var commune = await app.NewCommune();
        await app.PlaceInGroup(commune);
        var dossier = await procedure.Create(commune, year: 2026, qualify: false);
        var session = await PageSession.SignedIn(app, commune.Officer);
        return (commune, dossier, session, $"/Dossiers/{Procedure.Id(dossier)}/SelfAssessment");
    }

    private async Task<JsonElement> Criteria(TestUnit commune, JsonElement dossier) => await procedure.Criteria(commune.Officer, dossier);

    private static JsonElement Indicator(JsonElement criteria, string code) => Procedure.Indicator(criteria, code);
}
