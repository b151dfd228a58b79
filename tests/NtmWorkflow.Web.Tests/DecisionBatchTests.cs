using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>
/// The province leader signs one decision for several dossiers at their decision stage: all move in one transaction or
/// none does, each timeline names the batch, the registry shows the decision with all its communes; a number already
/// used by another decision of the province is refused.
/// </summary>
public sealed class DecisionBatchTests : IClassFixture<NtmApp>
{
    private const string Signer = "Chủ tịch UBND tỉnh Đồng Tháp";

    private readonly NtmApp app;
    private readonly Procedure procedure;

    public DecisionBatchTests(NtmApp app)
    {
        this.app = app;
        procedure = new Procedure(app);
        // Each test walks its own dossiers through weeks of postings: start each at the same day, within the loaded calendars.
        app.Clock.Now = NtmApp.Start;
    }

    [Fact]
    public async Task ABatchOfThree_MovesAll_EachTimelineNamesIt_AndTheRegistryShowsItsThreeCommunes()
    {
        var (communes, dossiers) = await AtDecision(3);
        var number = Procedure.NextDecisionNumber();
        var file = Procedure.Pdf(3000);

        var candidates = await Procedure.Must(await (await app.As(Procedure.Leader)).GetAsync("/api/decision-batches/candidates"));
        Assert.All(dossiers, d => Assert.Contains(candidates.EnumerateArray(), c =>
            c.GetProperty("id").GetString() == Procedure.Id(d) && c.GetProperty("version").GetInt32() == d.GetProperty("version").GetInt32()
            && c.GetProperty("action").GetString() == "sign-decision"));
        var response = await Sign(Procedure.Leader, number, Entries(dossiers), file);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var batch = await response.Json();
        var batchId = batch.GetProperty("id").GetString()!;
        Assert.Equal(3, batch.GetProperty("count").GetInt32());
        Assert.Equal(3, batch.GetProperty("dossiers").GetArrayLength());
        var shas = new HashSet<string>();
        foreach (var dossier in dossiers)
        {
            var now = await procedure.Get(Procedure.Leader, dossier);
            Assert.Equal("announcement-ceremony", now.GetProperty("stage").GetString());
            Assert.Equal(number, now.GetProperty("decision").GetProperty("number").GetString());
            Assert.Equal(batchId, now.GetProperty("decisionBatchId").GetString());
            var signing = (await procedure.Timeline(Procedure.Leader, dossier)).EnumerateArray()
                .Single(e => e.GetProperty("action").GetString() == "sign-decision");
            Assert.Contains($"Quyết định chung số {number}", signing.GetProperty("comment").GetString());
            Assert.Contains(batchId, signing.GetProperty("comment").GetString());
            var papers = await Procedure.Must(await (await app.As(Procedure.Leader)).GetAsync($"/api/dossiers/{Procedure.Id(dossier)}/documents"));
            shas.Add(papers.EnumerateArray().Single(p => p.GetProperty("type").GetString() == "quyet-dinh").GetProperty("sha256").GetString()!);
        }
        var sha = Assert.Single(shas);
        Assert.Single(Directory.EnumerateFiles(Path.Combine(app.StorageRoot, "blobs"), sha, SearchOption.AllDirectories));

        var registry = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/public/decisions?q={Uri.EscapeDataString(number)}");
        var rows = registry.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(batchId, r.GetProperty("batchId").GetString()));
        var published = await Procedure.Must(await app.Anonymous().GetAsync($"/api/public/decisions/batches/{batchId}"));
        Assert.Equal(number, published.GetProperty("decision").GetProperty("number").GetString());
        Assert.Equal(communes.Select(c => c.Name).Order(), published.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("unitName").GetString()!).Order());
        Assert.All(published.GetProperty("units").EnumerateArray(), u => Assert.Equal("ntm", u.GetProperty("level").GetString()));
        var listed = await Procedure.Must(await (await app.As(Procedure.Leader)).GetAsync("/api/decision-batches"));
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), b => b.GetProperty("id").GetString() == batchId);
        var detail = await Procedure.Must(await (await app.As(Procedure.Leader)).GetAsync($"/api/decision-batches/{batchId}"));
        Assert.All(detail.GetProperty("dossiers").EnumerateArray(), d => Assert.NotEqual(JsonValueKind.Null, d.GetProperty("documentId").ValueKind));
    }

    [Fact]
    public async Task OneStale_Is409NamingIt_AndNothingMoves()
    {
        var (communes, dossiers) = await AtDecision(3);
        var entries = Entries(dossiers);
        entries[1] = entries[1] with { ExpectedVersion = entries[1].ExpectedVersion - 1 };
        var before = await Snapshot(dossiers);
        var number = Procedure.NextDecisionNumber();

        var problem = await ProblemAssert.Is(HttpStatusCode.Conflict, await Sign(Procedure.Leader, number, entries));

        var offender = Assert.Single(problem.GetProperty("dossiers").EnumerateArray());
        Assert.Equal(entries[1].Id, offender.GetProperty("id").GetString());
        Assert.Equal(communes[1].Name, offender.GetProperty("unitName").GetString());
        Assert.Contains("phiên bản", offender.GetProperty("reason").GetString());
        Assert.Equal(before, await Snapshot(dossiers));
        Assert.Equal(0, (await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/public/decisions?q={Uri.EscapeDataString(number)}"))
            .GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ADossierOfAnotherProvince_OrNotAtTheDecisionStage_Is409NamingEach()
    {
        var (_, dossiers) = await AtDecision(1);
        var early = await procedure.At(await app.NewCommune(), "appraisal-council");
        var elsewhere = await app.NewCommune("tra-vinh.tra-cu");
        var foreign = await procedure.Create(elsewhere, qualify: false);
        var before = await Snapshot([dossiers[0], early]);

        var problem = await ProblemAssert.Is(HttpStatusCode.Conflict,
            await Sign(Procedure.Leader, Procedure.NextDecisionNumber(), [.. Entries(dossiers), .. Entries([early, foreign])]));

        var offenders = problem.GetProperty("dossiers").EnumerateArray().ToDictionary(o => o.GetProperty("id").GetString()!, o => o);
        Assert.Equal(2, offenders.Count);
        Assert.Contains("Hội đồng thẩm định", offenders[Procedure.Id(early)].GetProperty("reason").GetString());
        Assert.Equal(elsewhere.Name, offenders[Procedure.Id(foreign)].GetProperty("unitName").GetString());
        Assert.Contains("không thuộc", offenders[Procedure.Id(foreign)].GetProperty("reason").GetString());
        Assert.Equal(before, await Snapshot([dossiers[0], early]));
    }

    [Fact]
    public async Task AGateRefusingOneDossier_Is409NamingIt_AndTheOthersDoNotMoveEither()
    {
        var (_, first) = await AtDecision(1);
        // The first council voted days ago, the second today.
        app.Clock.Now += TimeSpan.FromDays(3);
        var (_, later) = await AtDecision(1);
        var second = later[0];
        List<JsonElement> dossiers = [first[0], second];
        var before = await Snapshot(dossiers);
        var beforeTheVote = app.Clock.Today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var problem = await ProblemAssert.Is(HttpStatusCode.Conflict,
            await Sign(Procedure.Leader, Procedure.NextDecisionNumber(), Entries(dossiers), date: beforeTheVote));

        var offender = Assert.Single(problem.GetProperty("dossiers").EnumerateArray());
        Assert.Equal(Procedure.Id(second), offender.GetProperty("id").GetString());
        Assert.Contains("biểu quyết", offender.GetProperty("reason").GetString());
        Assert.Equal(before, await Snapshot(dossiers));
    }

    [Fact]
    public async Task ANumberUsedByAnotherDecisionOfTheProvince_IsRefused_ForABatch_ASingleSignature_AndACorrection()
    {
        var single = await procedure.At(await app.NewCommune(), "decision");
        var number = Procedure.NextDecisionNumber();
        await procedure.MustAct(Procedure.Leader, single, "sign-decision", new { decision = new { number, date = Procedure.Today, signer = Signer } });
        var (_, dossiers) = await AtDecision(2);

        var batch = await ProblemAssert.Is(HttpStatusCode.Conflict, await Sign(Procedure.Leader, $" {number.ToLowerInvariant()} ", Entries(dossiers)));
        Assert.Contains(number, batch.Detail());
        Assert.NotEmpty(batch.GetProperty("usedBy").EnumerateArray());
        var alone = await procedure.ProvideDocuments(Procedure.Leader, dossiers[0], "sign-decision");
        var one = await ProblemAssert.Is(HttpStatusCode.Conflict,
            await procedure.Act(Procedure.Leader, alone, "sign-decision", new { decision = new { number, date = Procedure.Today, signer = Signer } }));
        Assert.Contains(number, one.Detail());
        Assert.Equal("decision", (await procedure.Get(Procedure.Leader, dossiers[0])).GetProperty("stage").GetString());
        var recognised = await procedure.At(await app.NewCommune(), "recognised");
        var correction = await ProblemAssert.Is(HttpStatusCode.Conflict, await (await app.As(Procedure.Leader)).PostAsJsonAsync(
            $"/api/dossiers/{Procedure.Id(recognised)}/decision/corrections",
            new { expectedVersion = recognised.GetProperty("version").GetInt32(), number, date = app.Clock.TodayText, signer = Signer, reason = "Sửa số" }));
        Assert.Contains(number, correction.Detail());
    }

    [Fact]
    public async Task ANumberImportedInTheProvince_IsTaken_WhileAnotherProvincesNumberIsFree()
    {
        var here = Procedure.NextDecisionNumber();
        var there = Procedure.NextDecisionNumber();
        var (_, dossiers) = await AtDecision(2);
        await Import(here, "dong-thap.hong-ngu.tan-hoi", app.Clock.Today);
        await Import(there, "tra-vinh.tra-cu.tap-son", app.Clock.Today);

        await ProblemAssert.Is(HttpStatusCode.Conflict, await Sign(Procedure.Leader, here, Entries(dossiers)));
        Assert.Equal(HttpStatusCode.Created, (await Sign(Procedure.Leader, there, Entries(dossiers))).StatusCode);
    }

    [Fact]
    public async Task ANumberOfTheProvinceSignedInAnEarlierYear_IsFree_NumberingStartsAgainEveryYear()
    {
        var number = Procedure.NextDecisionNumber();
        var (_, dossiers) = await AtDecision(2);
        await Import(number, "dong-thap.hong-ngu.tan-hoi", app.Clock.Today.AddYears(-1));

        Assert.Equal(HttpStatusCode.Created, (await Sign(Procedure.Leader, number, Entries(dossiers))).StatusCode);
    }

    [Fact]
    public async Task CorrectingAMember_ToTheBatchNumberWithAnotherSigner_Is409_ToANewNumber_TakesItOutOfTheBatch()
    {
        var (_, dossiers) = await AtDecision(2);
        var number = Procedure.NextDecisionNumber();
        var batch = await Procedure.Must(await Sign(Procedure.Leader, number, Entries(dossiers)));
        var member = await procedure.Get(Procedure.Leader, dossiers[0]);

        await ProblemAssert.Is(HttpStatusCode.Conflict, await Correct(member, number, "Phó Chủ tịch UBND tỉnh"));
        await Procedure.Must(await Correct(member, Procedure.NextDecisionNumber(), Signer));

        var published = await Procedure.Must(await app.Anonymous().GetAsync($"/api/public/decisions/batches/{batch.GetProperty("id").GetString()}"));
        Assert.Single(published.GetProperty("units").EnumerateArray());
    }

    [Theory]
    [InlineData("officer", HttpStatusCode.Forbidden)]
    [InlineData(Procedure.Appraiser, HttpStatusCode.Forbidden)]
    [InlineData("admin", HttpStatusCode.Forbidden)]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    public async Task OnlyTheProvinceLeader_MaySign(string? who, HttpStatusCode status)
    {
        var (communes, dossiers) = await AtDecision(1);
        var user = who == "officer" ? communes[0].Officer : who;

        await ProblemAssert.Is(status, await Sign(user, Procedure.NextDecisionNumber(), Entries(dossiers)));
        var candidates = user is null ? await app.Anonymous().GetAsync("/api/decision-batches/candidates")
            : await (await app.As(user)).GetAsync("/api/decision-batches/candidates");
        await ProblemAssert.Is(status, candidates);
        Assert.Equal("decision", (await procedure.Get(Procedure.Leader, dossiers[0])).GetProperty("stage").GetString());
    }

    [Fact]
    public async Task TheBatchPage_ListsTheLeadersCandidates_AndIsForbiddenToACommuneOfficer()
    {
        var (communes, _) = await AtDecision(1);

        var leader = await PageSession.SignedIn(app, Procedure.Leader);
        Assert.Contains(communes[0].Name, await leader.Html("/Decisions/Batch"));
        var officer = await PageSession.SignedIn(app, communes[0].Officer);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.Get("/Decisions/Batch")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync($"/Public/DecisionBatch/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task BadRequests_Are400_OrAWrongFileType415()
    {
        var (_, dossiers) = await AtDecision(1);
        var entries = Entries(dossiers);
        var client = await app.As(Procedure.Leader);

        Assert.True((await ProblemAssert.Is(HttpStatusCode.BadRequest, await Sign(Procedure.Leader, "", entries))).Names("number"));
        Assert.True((await ProblemAssert.Is(HttpStatusCode.BadRequest, await Sign(Procedure.Leader, "1/QĐ", []))).Names("dossiers"));
        Assert.True((await ProblemAssert.Is(HttpStatusCode.BadRequest, await Sign(Procedure.Leader, "1/QĐ", [entries[0], entries[0]]))).Names("dossiers"));
        var many = Enumerable.Range(0, 201).Select(_ => new Entry(Guid.NewGuid().ToString(), 1)).ToList();
        Assert.True((await ProblemAssert.Is(HttpStatusCode.BadRequest, await Sign(Procedure.Leader, "1/QĐ", many))).Names("dossiers"));
        Assert.True((await ProblemAssert.Is(HttpStatusCode.BadRequest, await Sign(Procedure.Leader, "1/QĐ", entries, date: "30/06/2026"))).Names("date"));
        Assert.True((await ProblemAssert.Is(HttpStatusCode.BadRequest, await Sign(Procedure.Leader, "1/QĐ", entries, dossiersField: "[{\"id\":"))).Names("dossiers"));
        Assert.True((await ProblemAssert.Is(HttpStatusCode.BadRequest, await Sign(Procedure.Leader, "1/QĐ", entries, dossiersField: "{\"id\":1}"))).Names("dossiers"));
        await ProblemAssert.Is(HttpStatusCode.UnsupportedMediaType,
            await Sign(Procedure.Leader, "1/QĐ", entries, Encoding.UTF8.GetBytes("chỉ là văn bản, không phải PDF")));
        using var truncated = new ByteArrayContent(Encoding.UTF8.GetBytes("--b\r\nContent-Disposition: form-data; name=\"number\"\r\n\r\n1/QĐ\r\n--b\r\nContent-Disp"));
        truncated.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=b");
        await ProblemAssert.Is(HttpStatusCode.BadRequest, await client.PostAsync("/api/decision-batches", truncated));
        await ProblemAssert.Is(HttpStatusCode.UnsupportedMediaType, await client.PostAsJsonAsync("/api/decision-batches", new { number = "1/QĐ" }));
        Assert.Equal("decision", (await procedure.Get(Procedure.Leader, dossiers[0])).GetProperty("stage").GetString());
    }

    private sealed record Entry(string Id, int ExpectedVersion);

    private async Task<(List<TestUnit> Communes, List<JsonElement> Dossiers)> AtDecision(int count)
    {
        var communes = new List<TestUnit>();
        var dossiers = new List<JsonElement>();
        for (var i = 0; i < count; i++)
        {
            communes.Add(await app.NewCommune());
            dossiers.Add(await procedure.At(communes[^1], "decision"));
        }
        return (communes, dossiers);
    }

    private static List<Entry> Entries(IEnumerable<JsonElement> dossiers) =>
        dossiers.Select(d => new Entry(Procedure.Id(d), d.GetProperty("version").GetInt32())).ToList();

    private async Task<HttpResponseMessage> Sign(
        string? user, string number, IReadOnlyList<Entry> dossiers, byte[]? file = null, string? date = null, string? dossiersField = null)
    {
        var client = user is null ? app.Anonymous() : await app.As(user);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(number), "number" },
            { new StringContent(date ?? app.Clock.TodayText), "date" },
            { new StringContent(Signer), "signer" },
            { new StringContent(dossiersField ?? JsonSerializer.Serialize(dossiers, JsonSerializerOptions.Web)), "dossiers" },
            { new ByteArrayContent(file ?? Procedure.Pdf(2000)), "file", "quyet-dinh-chung.pdf" },
        };
        return await client.PostAsync("/api/decision-batches", form);
    }

    private async Task<HttpResponseMessage> Correct(JsonElement dossier, string number, string signer) =>
        await (await app.As(Procedure.Leader)).PostAsJsonAsync($"/api/dossiers/{Procedure.Id(dossier)}/decision/corrections",
            new { expectedVersion = dossier.GetProperty("version").GetInt32(), number, date = app.Clock.TodayText, signer, reason = "Đính chính" });

    /// <summary>Each dossier's version, stage, papers and timeline length, to show that a refused batch changed nothing.</summary>
    private async Task<string> Snapshot(IEnumerable<JsonElement> dossiers)
    {
        var client = await app.As(Procedure.Leader);
        var parts = new List<string>();
        foreach (var dossier in dossiers)
        {
            var now = await procedure.Get(Procedure.Leader, dossier);
            var papers = await Procedure.Must(await client.GetAsync($"/api/dossiers/{Procedure.Id(dossier)}/documents"));
            var timeline = await procedure.Timeline(Procedure.Leader, dossier);
            parts.Add($"{now.GetProperty("version")}|{now.GetProperty("stage")}|{papers.GetArrayLength()}|{timeline.GetArrayLength()}|{now.GetProperty("decision")}");
        }
        return string.Join(";", parts);
    }

    /// <summary>A paper-era recognition with this number, as the import of earlier recognitions records it.</summary>
    private async Task Import(string number, string unitCode, DateOnly signed)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var unit = await db.Units.FindAsync(unitCode) ?? throw new InvalidOperationException(unitCode);
        db.Recognitions.Add(Recognition.Imported(unit, "ntm-kieu-mau", signed.Year - 1, number, signed, "UBND tỉnh"));
        await db.SaveChangesAsync();
    }
}
