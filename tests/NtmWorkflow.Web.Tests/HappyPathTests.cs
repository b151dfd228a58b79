using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

public sealed class HappyPathTests(NtmApp app) : IClassFixture<NtmApp>
{
    private readonly Procedure procedure = new(app);

    [Fact]
    public async Task ThreeTierProcedure_EachStepByItsRightfulUser_EndsRecognisedWithFullTimeline()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.Create(commune);
        Assert.Equal("self-assessment", dossier.GetProperty("stage").GetString());
        Assert.Equal("in-progress", dossier.GetProperty("status").GetString());
        Assert.Equal(commune.Name, dossier.GetProperty("unitName").GetString());
        Assert.Equal("commune-ntm", dossier.GetProperty("workflow").GetProperty("id").GetString());
        Assert.Equal(1, dossier.GetProperty("workflow").GetProperty("version").GetInt32());

        foreach (var step in Procedure.ThreeTier)
        {
            var actor = step.Who == Procedure.Own ? commune.Officer : step.Who;
            var before = await procedure.Get(actor, dossier);
            Assert.Equal(step.Stage, before.GetProperty("stage").GetString());
            Assert.Contains(step.Action, before.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
            dossier = await procedure.MustAct(actor, dossier, step.Action, step.Body);
        }

        Assert.Equal("recognised", dossier.GetProperty("stage").GetString());
        Assert.Equal("recognised", dossier.GetProperty("status").GetString());
        Assert.Empty(dossier.GetProperty("allowedActions").EnumerateArray());
        Assert.Matches(@"^\d+/QĐ-UBND-HC$", dossier.GetProperty("decision").GetProperty("number").GetString());
        Assert.Equal(app.Clock.TodayText,
            dossier.GetProperty("decision").GetProperty("date").GetString());
        Assert.Equal("Hội trường UBND xã", dossier.GetProperty("ceremony").GetProperty("place").GetString());

        var timeline = await procedure.Timeline(Procedure.Appraiser, dossier);
        // Every entry is named by its title, the dossier's own events (create, upload) as much as the definition's actions.
        Assert.All(timeline.EnumerateArray(), e => Assert.NotEqual(e.GetProperty("action").GetString(), e.GetProperty("actionTitle").GetString()));
        Assert.Contains(timeline.EnumerateArray(), e => e.GetProperty("actionTitle").GetString() == "Tải tài liệu lên");
        var events = timeline.EnumerateArray().Where(e => e.GetProperty("action").GetString() != "upload-document").ToList();
        Assert.Equal(Procedure.ThreeTier.Count + 1, events.Count);
        Assert.Equal("create", events[0].GetProperty("action").GetString());
        Assert.Equal(JsonValueKind.Null, events[0].GetProperty("fromStage").ValueKind);
        for (var i = 0; i < Procedure.ThreeTier.Count; i++)
        {
            var step = Procedure.ThreeTier[i];
            var entry = events[i + 1];
            Assert.Equal(step.Action, entry.GetProperty("action").GetString());
            Assert.Equal(step.Stage, entry.GetProperty("fromStage").GetString());
            Assert.Equal(step.Who == Procedure.Own ? commune.Officer : step.Who, entry.GetProperty("actor").GetString());
            Assert.False(string.IsNullOrEmpty(entry.GetProperty("role").GetString()));
            Assert.True(entry.TryGetProperty("at", out _));
        }
        Assert.Equal(18, events[2].GetProperty("vote").GetProperty("agree").GetInt32());
        Assert.Equal("province-leader", events[7].GetProperty("role").GetString());
    }

    [Fact]
    public async Task PublicDecisions_AfterTheDecisionIsSigned_ListTheDossierAnonymously()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.At(commune, "announcement-ceremony");
        Assert.Equal("recognised", dossier.GetProperty("status").GetString());

        var anonymous = app.Anonymous();
        var all = await anonymous.GetFromJsonAsync<JsonElement>("/api/public/decisions?provinceCode=dong-thap&year=2025");
        var entry = all.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("unitCode").GetString() == commune.Code);
        Assert.Equal(dossier.GetProperty("decision").GetProperty("number").GetString(), entry.GetProperty("decision").GetProperty("number").GetString());
        Assert.Equal("Phó Chủ tịch UBND tỉnh", entry.GetProperty("decision").GetProperty("signer").GetString());
        Assert.Equal("Tỉnh Đồng Tháp", entry.GetProperty("provinceName").GetString());

        var byName = await anonymous.GetFromJsonAsync<JsonElement>($"/api/public/decisions?q={Uri.EscapeDataString("thu nghiem")}");
        Assert.Contains(byName.GetProperty("items").EnumerateArray(), i => i.GetProperty("unitCode").GetString() == commune.Code);
        var otherProvince = await anonymous.GetFromJsonAsync<JsonElement>("/api/public/decisions?provinceCode=tra-vinh");
        Assert.DoesNotContain(otherProvince.GetProperty("items").EnumerateArray(), i => i.GetProperty("unitCode").GetString() == commune.Code);
        var otherYear = await anonymous.GetFromJsonAsync<JsonElement>("/api/public/decisions?year=2024");
        Assert.DoesNotContain(otherYear.GetProperty("items").EnumerateArray(), i => i.GetProperty("unitCode").GetString() == commune.Code);
    }

    [Fact]
    public async Task PublicDecisions_BeforeTheDecision_DoNotListTheDossier()
    {
        var commune = await app.NewCommune();
        await procedure.At(commune, "decision");
        var list = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/public/decisions?pageSize=100");
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("unitCode").GetString() == commune.Code);
    }

    [Fact]
    public async Task NangCao_AfterNtmRecognition_CanBeOpened()
    {
        var commune = await app.NewCommune();
        await procedure.At(commune, "announcement-ceremony");
        var advanced = await procedure.Create(commune, level: "ntm-nang-cao");
        Assert.Equal("ntm-nang-cao", advanced.GetProperty("level").GetString());
    }

    [Fact]
    public async Task Create_ReturnsLocationOfTheNewDossier()
    {
        var commune = await app.NewCommune();
        var client = await app.As(commune.Officer);
        var response = await client.PostAsJsonAsync("/api/dossiers", new { unitCode = commune.Code, level = "ntm", year = 2025 });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Json();
        Assert.Equal($"/api/dossiers/{Procedure.Id(created)}", response.Headers.Location?.OriginalString);
        var fetched = await client.GetFromJsonAsync<JsonElement>(response.Headers.Location);
        Assert.Equal(Procedure.Id(created), Procedure.Id(fetched));
        Assert.Equal(new[] { "open-public-comment", "withdraw" },
            fetched.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()!).Order().ToArray());
    }
}
