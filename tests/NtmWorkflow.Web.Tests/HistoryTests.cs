using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>The demo's recognition history, and prerequisites met by imported recognitions.</summary>
public sealed class HistoryTests(NtmApp app) : IClassFixture<NtmApp>
{
    [Theory]
    [InlineData("dong-thap.hong-ngu.tan-hoi", "694/QĐ-UBND-HC", "2023-06-30", 2022)]
    [InlineData("dong-thap.hong-ngu.binh-thanh", "141/QĐ-UBND-HC", "2024-02-16", 2023)]
    public async Task PublicRegistry_ListsTheImportedNangCaoDecisions(string unitCode, string number, string date, int year)
    {
        var registry = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/public/decisions?provinceCode=dong-thap&year={year}");
        var entry = registry.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("unitCode").GetString() == unitCode);
        Assert.Equal("ntm-nang-cao", entry.GetProperty("level").GetString());
        Assert.Equal(number, entry.GetProperty("decision").GetProperty("number").GetString());
        Assert.Equal(date, entry.GetProperty("decision").GetProperty("date").GetString());
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("dossierId").ValueKind);
    }

    [Fact]
    public async Task TanHoi_CeremonyOfItsNangCaoRecognition_IsOnRecord()
    {
        var registry = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/public/decisions?q=694");
        var entry = Assert.Single(registry.GetProperty("items").EnumerateArray());
        Assert.Equal("2023-07-18", entry.GetProperty("ceremony").GetProperty("date").GetString());
    }

    [Fact]
    public async Task TanHoi_MergedIntoPhuongHongNgu_OpensNoNewDossier_TheRefusalNamesTheWardAndTheResolution()
    {
        var client = await app.As("xa.tanhoi");

        var model = await client.PostAsJsonAsync("/api/dossiers", new { unitCode = "dong-thap.hong-ngu.tan-hoi", level = "ntm-kieu-mau", year = 2025 });

        var refused = (await ProblemAssert.Is(HttpStatusCode.Conflict, model)).Detail();
        Assert.Contains("dong-thap.phuong-hong-ngu", refused);
        Assert.Contains("1663/NQ-UBTVQH15", refused);
    }

    [Theory]
    [InlineData("xa.tapson", "tra-vinh.tra-cu.tap-son", 13)]
    [InlineData("huyen.tracu", "tra-vinh.tra-cu.long-hiep", 18)]
    public async Task TraCuCommunes_AreInSelfAssessmentForNangCao_OneCriterionShort(string who, string unitCode, int notMet)
    {
        var client = await app.As(who);
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/dossiers?unitCode={unitCode}");
        var summary = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal("ntm-nang-cao", summary.GetProperty("level").GetString());
        Assert.Equal("self-assessment", summary.GetProperty("stage").GetString());
        Assert.Equal(18, summary.GetProperty("criteriaMet").GetInt32());
        Assert.Equal(19, summary.GetProperty("criteriaTotal").GetInt32());

        var dossier = await client.GetFromJsonAsync<JsonElement>($"/api/dossiers/{summary.GetProperty("id").GetString()}");
        Assert.Equal(notMet, Assert.Single(dossier.GetProperty("criteria").GetProperty("notMet").EnumerateArray()).GetProperty("number").GetInt32());
    }
}
