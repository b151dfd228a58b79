using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NtmWorkflow.Engine;
using NtmWorkflow.Engine.Calendar;
using NtmWorkflow.Engine.Criteria;
using NtmWorkflow.Engine.Definitions;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

public sealed class ListAndTaskTests(NtmApp app) : IClassFixture<NtmApp>
{
    private readonly Procedure procedure = new(app);

    [Fact]
    public async Task Tasks_ShowDossiersWaitingForTheCallersRole_SoonestDueFirst()
    {
        var early = await procedure.At(await app.NewCommune(), "district-review");
        app.Clock.Now = app.Clock.Now.AddDays(3);
        var late = await procedure.At(await app.NewCommune(), "district-review");
        var notYet = await procedure.At(await app.NewCommune(), "commune-public-comment");

        var tasks = await (await app.As(Procedure.District)).GetFromJsonAsync<JsonElement>("/api/tasks?pageSize=100");
        var ids = tasks.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToList();
        Assert.Contains(Procedure.Id(early), ids);
        Assert.Contains(Procedure.Id(late), ids);
        Assert.DoesNotContain(Procedure.Id(notYet), ids);
        Assert.True(ids.IndexOf(Procedure.Id(early)) < ids.IndexOf(Procedure.Id(late)));
        var dueDates = tasks.GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("dueAt").ValueKind != JsonValueKind.Null)
            .Select(i => i.GetProperty("dueAt").GetDateTime()).ToList();
        Assert.Equal(dueDates.Order(), dueDates);

        var appraiserTasks = await (await app.As(Procedure.Appraiser)).GetFromJsonAsync<JsonElement>("/api/tasks?pageSize=100");
        Assert.DoesNotContain(appraiserTasks.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == Procedure.Id(early));
    }

    [Fact]
    public async Task Tasks_OfAnotherDistrict_DoNotShowOurDossiers()
    {
        var dossier = await procedure.At(await app.NewCommune(), "district-review");
        var tasks = await (await app.As("huyen.tracu")).GetFromJsonAsync<JsonElement>("/api/tasks?pageSize=100");
        Assert.DoesNotContain(tasks.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == Procedure.Id(dossier));
    }

    [Fact]
    public async Task DistrictReview_IsDueTwentyWorkingDaysLater_AtTheCloseOfTheDay()
    {
        var dossier = await procedure.EnterDistrictReview(await app.NewCommune(), NtmApp.Start);
        // Monday 02/03/2026 + 20 working days (no holidays in March) = Monday 30/03/2026, closing 23:59:59 in Vietnam.
        Assert.Equal(new DateTime(2026, 3, 30, 16, 59, 59, DateTimeKind.Utc), dossier.GetProperty("dueAt").GetDateTime().ToUniversalTime());
    }

    [Fact]
    public async Task List_FiltersByStageStatusUnitAndYear_WithinScope()
    {
        var commune = await app.NewCommune();
        var atReview = await procedure.At(commune, "district-review");
        var district = await app.As(Procedure.District);

        var byStage = await district.GetFromJsonAsync<JsonElement>($"/api/dossiers?stage=district-review&unitCode={commune.Code}");
        Assert.Equal(1, byStage.GetProperty("total").GetInt32());
        Assert.Equal(Procedure.Id(atReview), byStage.GetProperty("items")[0].GetProperty("id").GetString());
        Assert.Equal("Thẩm tra cấp huyện", byStage.GetProperty("items")[0].GetProperty("stageTitle").GetString());

        var otherStage = await district.GetFromJsonAsync<JsonElement>($"/api/dossiers?stage=decision&unitCode={commune.Code}");
        Assert.Equal(0, otherStage.GetProperty("total").GetInt32());
        var byStatus = await district.GetFromJsonAsync<JsonElement>($"/api/dossiers?status=in-progress&year=2025&unitCode={commune.Code}");
        Assert.Equal(1, byStatus.GetProperty("total").GetInt32());
        var otherYear = await district.GetFromJsonAsync<JsonElement>($"/api/dossiers?year=2024&unitCode={commune.Code}");
        Assert.Equal(0, otherYear.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task List_Pages()
    {
        for (var i = 0; i < 3; i++)
        {
            await procedure.Create(await app.NewCommune());
        }
        var district = await app.As(Procedure.District);
        var first = await district.GetFromJsonAsync<JsonElement>("/api/dossiers?pageSize=2&page=1");
        var second = await district.GetFromJsonAsync<JsonElement>("/api/dossiers?pageSize=2&page=2");
        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        Assert.True(first.GetProperty("total").GetInt32() >= 3);
        var firstIds = first.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString());
        Assert.DoesNotContain(second.GetProperty("items").EnumerateArray(), i => firstIds.Contains(i.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task List_ByDueDate_PagesThroughTheDatedByDateThenTheUndated()
    {
        var district = await app.NewDistrict();
        var undated = new List<string>();
        var dated = new List<string>();
        foreach (var reviewed in new[] { false, true, false, true })
        {
            var commune = await app.NewCommune(district.Code);
            if (reviewed)
            {
                dated.Add(Procedure.Id(await procedure.At(commune, "district-review")));
                app.Clock.Now = app.Clock.Now.AddDays(3);
            }
            else
            {
                undated.Add(Procedure.Id(await procedure.Create(commune)));
            }
        }
        var reviewer = await app.As(district.Officer);

        var pages = new List<JsonElement>();
        for (var page = 1; page <= 5; page++)
        {
            pages.Add(await reviewer.GetFromJsonAsync<JsonElement>($"/api/dossiers?sort=due&pageSize=1&page={page}"));
        }

        Assert.All(pages, p => Assert.Equal(4, p.GetProperty("total").GetInt32()));
        var ids = pages.SelectMany(p => p.GetProperty("items").EnumerateArray()).Select(i => i.GetProperty("id").GetString()!).ToList();
        Assert.Equal(4, ids.Count);
        Assert.Equal(dated, ids.Take(2));
        Assert.Equal(undated.Order(), ids.Skip(2).Order());
        var overdueLater = await reviewer.GetFromJsonAsync<JsonElement>("/api/dossiers?sort=due&overdue=false&pageSize=3&page=1");
        Assert.Equal(4, overdueLater.GetProperty("total").GetInt32());
        Assert.Equal(ids.Take(3), overdueLater.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
    }

    [Fact]
    public async Task List_OfALargeScope_PagesAsASmallOneDoes()
    {
        var district = await app.NewDistrict();
        var opened = await OpenMany(district.Code, communes: 800);
        var reviewer = await app.As(district.Officer);

        foreach (var sort in new[] { "updated", "due" })
        {
            var first = await reviewer.GetFromJsonAsync<JsonElement>($"/api/dossiers?sort={sort}&pageSize=100&page=1");
            var last = await reviewer.GetFromJsonAsync<JsonElement>($"/api/dossiers?sort={sort}&pageSize=100&page=24");
            Assert.Equal(opened.Count, first.GetProperty("total").GetInt32());
            Assert.Equal(100, first.GetProperty("items").GetArrayLength());
            Assert.Equal(opened.Count - 2300, last.GetProperty("items").GetArrayLength());
            // Newest activity first; by due date the undated come in the order they were opened.
            var expected = sort == "due" ? opened : Enumerable.Reverse(opened).ToList();
            Assert.Equal(expected.Take(100), Ids(first));
            Assert.Equal(expected.Skip(2300), Ids(last));
        }
    }

    private static IEnumerable<Guid> Ids(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => Guid.Parse(i.GetProperty("id").GetString()!));

    /// <summary>
    /// Three dossiers (one per level) in each of many new communes, written through the aggregate in one save:
    /// more than a list sorts by path, so its page is read in its order's index. Opened one millisecond apart, so
    /// newest first is the reverse of the order they were opened in, and their ids (time-ordered) follow it.
    /// </summary>
    private async Task<List<Guid>> OpenMany(string districtCode, int communes)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var definition = scope.ServiceProvider.GetRequiredService<DefinitionCatalog>().Find("commune-ntm")!;
        var criteria = scope.ServiceProvider.GetRequiredService<CriteriaCatalog>();
        var calendar = scope.ServiceProvider.GetRequiredService<WorkingCalendar>();
        var parent = await db.Units.SingleAsync(u => u.Code == districtCode);
        var opener = new Actor("bulk.opener", [Roles.CommuneOfficer], parent.Code, parent.Path);
        var ids = new List<Guid>();
        var at = app.Clock.Now.UtcDateTime;
        for (var c = 0; c < communes; c++)
        {
            var unit = new AdministrativeUnit($"{districtCode}.bulk-{c}", $"Xã Số {c}", UnitKinds.Commune, parent);
            db.Units.Add(unit);
            foreach (var level in definition.Levels)
            {
                at = at.AddMilliseconds(1);
                var dossier = Dossier.Open(unit, level, 2026, definition, id => criteria.Find(id)!, opener, at, calendar);
                db.Dossiers.Add(dossier);
                ids.Add(dossier.Id);
            }
        }
        await db.SaveChangesAsync();
        return ids;
    }

    [Fact]
    public async Task List_ForAUnitOutsideScope_Is403()
    {
        var client = await app.As(Procedure.District);
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await client.GetAsync("/api/dossiers?unitCode=tra-vinh"));
    }

    [Theory]
    [InlineData("status=dang-lam", "status")]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=1000", "pageSize")]
    [InlineData("unitCode=khong-co", "unitCode")]
    public async Task List_WithBadFilters_Is400NamingTheFilter(string filter, string field)
    {
        var client = await app.As(Procedure.District);
        var problem = await ProblemAssert.Is(HttpStatusCode.BadRequest, await client.GetAsync($"/api/dossiers?{filter}"));
        Assert.True(problem.Names(field), problem.ToString());
    }

    [Fact]
    public async Task List_WithANonNumericYear_Is400()
    {
        var client = await app.As(Procedure.District);
        await ProblemAssert.Is(HttpStatusCode.BadRequest, await client.GetAsync("/api/dossiers?year=nam-nay"));
    }
}
