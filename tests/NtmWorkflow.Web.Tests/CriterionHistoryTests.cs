using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>
/// A criterion's current self-assessment and each stage's current verdict are read by key; the criteria view carries the
/// latest entries and their counts, and the whole history is paged on its own endpoint.
/// </summary>
public sealed class CriterionHistoryTests(NtmApp app) : IClassFixture<NtmApp>
{
    private const int Edits = 25;

    private readonly Procedure procedure = new(app);

    [Fact]
    public async Task ManyEdits_LeaveTheLatestCurrent_ABoundedView_AndEveryEntryPaged()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.Create(commune);
        var client = await app.As(commune.Officer);
        for (var edit = 1; edit <= Edits; edit++)
        {
            await Procedure.Must(await client.PutAsJsonAsync(
                $"/api/dossiers/{Procedure.Id(dossier)}/criteria/5", new { met = edit % 2 == 0, explanation = $"Lần {edit}" }));
        }

        var criteria = await procedure.Criteria(commune.Officer, dossier);
        var fifth = criteria.GetProperty("criteria")[4];
        Assert.False(fifth.GetProperty("met").GetBoolean());
        Assert.Equal($"Lần {Edits}", fifth.GetProperty("selfAssessment").GetProperty("explanation").GetString());
        var history = fifth.GetProperty("history");
        Assert.Equal(10, history.GetArrayLength());
        Assert.Equal(Edits + 1, fifth.GetProperty("historyCount").GetInt32());
        Assert.Equal(Enumerable.Range(Edits - 9, 10).Select(n => $"Lần {n}"), history.EnumerateArray().Select(h => h.GetProperty("explanation").GetString()));
        Assert.Equal(1, criteria.GetProperty("criteria")[0].GetProperty("historyCount").GetInt32());
        Assert.Equal(0, fifth.GetProperty("reviewCount").GetInt32());
        Assert.Equal(18, criteria.GetProperty("met").GetInt32());
        Assert.Equal(18, (await procedure.Get(commune.Officer, dossier)).GetProperty("criteria").GetProperty("met").GetInt32());
        Assert.Equal(1, await CurrentRowsAsync(Procedure.Id(dossier), 5, CriterionEntry.SelfAssessment));

        var first = await Procedure.Must(await client.GetAsync($"/api/dossiers/{Procedure.Id(dossier)}/criteria/5/history?pageSize=10"));
        Assert.Equal(Edits + 1, first.GetProperty("total").GetInt32());
        var newest = first.GetProperty("items")[0];
        Assert.Equal(($"Lần {Edits}", true, "self-assessment"),
            (newest.GetProperty("note").GetString(), newest.GetProperty("current").GetBoolean(), newest.GetProperty("kind").GetString()));
        Assert.All(first.GetProperty("items").EnumerateArray().Skip(1), i => Assert.False(i.GetProperty("current").GetBoolean()));
        var last = await Procedure.Must(await client.GetAsync($"/api/dossiers/{Procedure.Id(dossier)}/criteria/5/history?page=3&pageSize=10"));
        Assert.Equal(6, last.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, last.GetProperty("items")[5].GetProperty("note").ValueKind);

        var session = await PageSession.SignedIn(app, commune.Officer);
        Assert.Contains($"/Dossiers/{Procedure.Id(dossier)}/Criteria/5/History", await session.Html($"/Dossiers/{Procedure.Id(dossier)}"));
        var older = await session.Html($"/Dossiers/{Procedure.Id(dossier)}/Criteria/5/History?pageNumber=2");
        Assert.Contains("Lần 5<", older);
        Assert.DoesNotContain($"Lần {Edits}<", older);
        Assert.Contains("Trang trước", older);
    }

    [Fact]
    public async Task EachStagesVerdict_StaysCurrent_HoweverManyVerdictsTheNextStageGives()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.At(commune, "district-review");
        await Procedure.Must(await Review(Procedure.District, dossier, 18, false, "Thiếu hồ sơ"));
        await Procedure.Must(await Review(Procedure.District, dossier, 18, true, "Đã đủ"));
        dossier = await procedure.At(commune, "provincial-appraisal", existing: await procedure.Get(Procedure.District, dossier));
        for (var verdict = 1; verdict <= 12; verdict++)
        {
            await Procedure.Must(await Review(Procedure.Appraiser, dossier, 18, verdict % 2 == 0, $"Ý kiến {verdict}"));
        }
        await Procedure.Must(await Review(Procedure.Appraiser, dossier, 18, false, "Chưa đạt"));

        var criterion = (await procedure.Criteria(Procedure.Appraiser, dossier)).GetProperty("criteria")[17];
        var reviews = criterion.GetProperty("reviews").EnumerateArray().ToList();
        Assert.Equal(15, criterion.GetProperty("reviewCount").GetInt32());
        Assert.Equal(11, reviews.Count);
        Assert.Equal(("district-review", true, "Đã đủ"),
            (reviews[0].GetProperty("stage").GetString(), reviews[0].GetProperty("agree").GetBoolean(), reviews[0].GetProperty("note").GetString()));
        Assert.Equal("Chưa đạt", reviews[^1].GetProperty("note").GetString());
        Assert.True(criterion.GetProperty("disputed").GetBoolean());
        Assert.Equal(1, await CurrentRowsAsync(Procedure.Id(dossier), 18, CriterionEntry.Review, "district-review"));
        Assert.Equal(1, await CurrentRowsAsync(Procedure.Id(dossier), 18, CriterionEntry.Review, "provincial-appraisal"));

        var page = await Procedure.Must(await (await app.As(Procedure.Appraiser)).GetAsync(
            $"/api/dossiers/{Procedure.Id(dossier)}/criteria/18/history?pageSize=100"));
        Assert.Equal(16, page.GetProperty("total").GetInt32());
        Assert.Equal(["review", "review", "self-assessment"],
            page.GetProperty("items").EnumerateArray().TakeLast(3).Select(i => i.GetProperty("kind").GetString()));
        Assert.Equal(2, page.GetProperty("items").EnumerateArray().Count(i => i.GetProperty("current").GetBoolean() && i.GetProperty("kind").GetString() == "review"));
    }

    [Fact]
    public async Task TwoEditsOfOneCriterionAtOnce_LeaveOneCurrentSelfAssessment()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.Create(commune, qualify: false);
        var client = await app.As(commune.Officer);

        var responses = await Task.WhenAll(new[] { true, false }.Select(met =>
            client.PutAsJsonAsync($"/api/dossiers/{Procedure.Id(dossier)}/criteria/7", new { met })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, await CurrentRowsAsync(Procedure.Id(dossier), 7, CriterionEntry.SelfAssessment));
        var seventh = (await procedure.Criteria(commune.Officer, dossier)).GetProperty("criteria")[6];
        Assert.Equal(2, seventh.GetProperty("historyCount").GetInt32());
        Assert.Equal(seventh.GetProperty("history")[1].GetProperty("met").GetBoolean(), seventh.GetProperty("selfAssessment").GetProperty("met").GetBoolean());
    }

    [Fact]
    public async Task History_IsRefusedForUnknownDossiersAndCriteria_OutsideScope_AndForBadPaging()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.Create(commune, qualify: false);
        var client = await app.As(commune.Officer);
        var url = $"/api/dossiers/{Procedure.Id(dossier)}/criteria";

        await ProblemAssert.Is(HttpStatusCode.NotFound, await client.GetAsync($"/api/dossiers/{Guid.NewGuid()}/criteria/1/history"));
        Assert.Contains("tiêu chí số 99", (await ProblemAssert.Is(HttpStatusCode.NotFound, await client.GetAsync($"{url}/99/history"))).Detail());
        var other = await app.NewCommune();
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await (await app.As(other.Officer)).GetAsync($"{url}/1/history"));
        Assert.True((await ProblemAssert.Is(HttpStatusCode.BadRequest, await client.GetAsync($"{url}/1/history?page=0"))).Names("page"));
        Assert.True((await ProblemAssert.Is(HttpStatusCode.BadRequest, await client.GetAsync($"{url}/1/history?pageSize=101"))).Names("pageSize"));
        var empty = await Procedure.Must(await client.GetAsync($"{url}/1/history"));
        Assert.Equal((0, 20), (empty.GetProperty("total").GetInt32(), empty.GetProperty("pageSize").GetInt32()));
    }

    private async Task<HttpResponseMessage> Review(string who, JsonElement dossier, int number, bool agree, string note) =>
        await (await app.As(who)).PutAsJsonAsync($"/api/dossiers/{Procedure.Id(dossier)}/criteria/{number}/review", new { agree, note });

    private async Task<int> CurrentRowsAsync(string dossierId, int number, string kind, string? stage = null)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.CriterionEntries.CountAsync(e => e.DossierId == Guid.Parse(dossierId) && e.Number == number && e.Kind == kind
            && e.IsCurrent && (stage == null || e.Stage == stage));
    }
}
