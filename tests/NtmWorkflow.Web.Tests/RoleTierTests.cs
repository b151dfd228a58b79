using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Features.Admin;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>A role fits its unit's tier, and scope follows the units' parent links, never their codes.</summary>
public sealed class RoleTierTests(NtmApp app) : IClassFixture<NtmApp>
{
    private static int counter;
    private readonly Procedure procedure = new(app);

    [Theory]
    [InlineData("province-leader", "dong-thap.hong-ngu")]
    [InlineData("province-leader", "dong-thap.hong-ngu.tan-hoi")]
    [InlineData("province-appraiser", "vn")]
    [InlineData("commune-officer", "dong-thap")]
    [InlineData("district-reviewer", "tra-vinh.tra-cu.tap-son")]
    [InlineData("central-appraiser", "dong-thap")]
    [InlineData("administrator", "dong-thap.hong-ngu")]
    public async Task ARoleAtAUnitOfAnotherTier_Is400_NamingRoleAndUnit(string role, string unitCode)
    {
        var response = await CreateUser(role, unitCode);

        var problem = await ProblemAssert.Is(HttpStatusCode.BadRequest, response);
        Assert.True(problem.Names("role"));
        Assert.Equal(unitCode, problem.GetProperty("unitCode").GetString());
    }

    [Theory]
    [InlineData("province-leader", "dong-thap")]
    [InlineData("district-reviewer", "dong-thap.hong-ngu")]
    [InlineData("commune-officer", "dong-thap.hong-ngu.tan-hoi")]
    [InlineData("observer", "dong-thap.hong-ngu")]
    [InlineData("central-appraiser", "vn")]
    public async Task ARoleAtItsOwnTier_IsCreated(string role, string unitCode)
    {
        Assert.Equal(HttpStatusCode.Created, (await CreateUser(role, unitCode)).StatusCode);
    }

    [Fact]
    public async Task Reassigning_ChecksTheTier_AndEndsTheOldSessions()
    {
        var commune = await app.NewCommune();
        var old = await app.As(commune.Officer);
        var admin = await app.As("admin");

        var wrong = await admin.PutAsJsonAsync($"/api/admin/users/{commune.Officer}/assignment",
            new { unitCode = "dong-thap", role = "commune-officer" });
        Assert.True((await ProblemAssert.Is(HttpStatusCode.BadRequest, wrong)).Names("role"));
        Assert.Equal(HttpStatusCode.OK, (await old.GetAsync("/api/tasks")).StatusCode);

        var moved = await Procedure.Must(await admin.PutAsJsonAsync($"/api/admin/users/{commune.Officer}/assignment",
            new { unitCode = "dong-thap.hong-ngu.binh-thanh", role = "commune-officer" }));

        Assert.Equal("dong-thap.hong-ngu.binh-thanh", moved.GetProperty("unitCode").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await old.GetAsync("/api/tasks")).StatusCode);
    }

    [Fact]
    public async Task AccountsPlacedBeforeTheRule_AreReported()
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var misplaced = new AppUser { UserName = $"lanhdao.huyen.{Interlocked.Increment(ref counter)}", FullName = "Sai cấp", UnitCode = "dong-thap.hong-ngu" };
        Assert.True((await users.CreateAsync(misplaced, NtmApp.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(misplaced, "province-leader")).Succeeded);

        var report = await RoleTiers.FindMisplacedAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), CancellationToken.None);

        Assert.Contains(report, line => line.StartsWith(misplaced.UserName + " (province-leader"));
        Assert.DoesNotContain(report, line => line.StartsWith("tinh.dongthap.lanhdao "));
    }

    [Fact]
    public async Task AUnitWhoseCodeStartsLikeAnotherProvince_BelongsToItsParentOnly()
    {
        var n = Interlocked.Increment(ref counter);
        var district = await AddUnit($"tra-vinh.zz{n}", "Huyện Mã Lạ", "district", "dong-thap");
        var commune = await AddUnit($"{district}.xa", "Xã Mã Lạ", "commune", district);
        var officer = await AddOfficer(commune);
        var dossier = await procedure.Create(new TestUnit(commune, "Xã Mã Lạ", officer), qualify: false);

        await ProblemAssert.Is(HttpStatusCode.Forbidden,
            await (await app.As("tinh.travinh.thamdinh")).GetAsync($"/api/dossiers/{Procedure.Id(dossier)}"));
        Assert.DoesNotContain(Procedure.Id(dossier), await ListedIds("tinh.travinh.thamdinh", ""));
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await (await app.As("tinh.travinh.thamdinh")).GetAsync($"/api/dossiers?unitCode={commune}"));
        Assert.Equal(HttpStatusCode.OK, (await (await app.As("tinh.dongthap.thamdinh")).GetAsync($"/api/dossiers/{Procedure.Id(dossier)}")).StatusCode);
    }

    [Fact]
    public async Task AnOfficialOfUnitOne_DoesNotSeeUnitTen()
    {
        var n = Interlocked.Increment(ref counter);
        var one = await AddUnit($"dong-thap.anh-em{n}-1", "Xã Anh Em 1", "commune", "dong-thap");
        var ten = await AddUnit($"dong-thap.anh-em{n}-10", "Xã Anh Em 10", "commune", "dong-thap");
        var officerOne = await AddOfficer(one);
        var officerTen = await AddOfficer(ten);
        var dossier = await procedure.Create(new TestUnit(ten, "Xã Anh Em 10", officerTen), qualify: false);

        await ProblemAssert.Is(HttpStatusCode.Forbidden, await (await app.As(officerOne)).GetAsync($"/api/dossiers/{Procedure.Id(dossier)}"));
        Assert.DoesNotContain(Procedure.Id(dossier), await ListedIds(officerOne, ""));
        Assert.Contains(Procedure.Id(dossier), await ListedIds(officerTen, ""));
    }

    private async Task<HttpResponseMessage> CreateUser(string role, string unitCode) =>
        await (await app.As("admin")).PostAsJsonAsync("/api/admin/users", new
        {
            userName = $"tier.{Interlocked.Increment(ref counter)}", fullName = "Thử cấp", unitCode, role, password = NtmApp.Password,
        });

    private async Task<string> AddUnit(string code, string name, string kind, string parentCode)
    {
        await Procedure.Must(await (await app.As("admin")).PostAsJsonAsync("/api/admin/units", new { code, name, kind, parentCode }));
        return code;
    }

    private async Task<string> AddOfficer(string unitCode)
    {
        var userName = $"can.bo.{Interlocked.Increment(ref counter)}";
        await Procedure.Must(await (await app.As("admin")).PostAsJsonAsync("/api/admin/users",
            new { userName, fullName = "Cán bộ xã", unitCode, role = "commune-officer", password = NtmApp.Password }));
        return userName;
    }

    private async Task<List<string>> ListedIds(string userName, string query)
    {
        var page = await (await app.As(userName)).GetFromJsonAsync<JsonElement>("/api/dossiers" + query);
        return page.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("id").GetString()!).ToList();
    }
}
