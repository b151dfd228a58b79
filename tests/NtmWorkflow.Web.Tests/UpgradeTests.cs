using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>An app started on a database that the previous release left at its first migration (Initial).</summary>
public sealed class UpgradeApp : NtmApp
{
    public const string UserName = "can.bo.cu";

    /// <summary>A commune the previous release already held.</summary>
    public const string CommuneCode = "dong-thap.xa-tu-ban-truoc";

    public async Task PrepareInitialDatabaseAsync()
    {
        await using var db = OnPostgres
            ? (AppDbContext)new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(PostgresConnection).Options)
            : new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>()
                .UseSqlite($"Data Source={Path.Combine(CreateFolder(), "ntm.db")}").Options);
        var initial = db.Database.GetMigrations().First();
        Assert.EndsWith("_Initial", initial);
        await db.GetService<IMigrator>().MigrateAsync(initial);
        Assert.NotEmpty(await db.Database.GetPendingMigrationsAsync());
        var nation = new AdministrativeUnit("vn", "Việt Nam", UnitKinds.National, null);
        var province = new AdministrativeUnit("dong-thap", "Tỉnh Đồng Tháp", UnitKinds.Province, nation);
        db.Units.AddRange(nation, province, new AdministrativeUnit(CommuneCode, "Xã từ bản trước", UnitKinds.Commune, province));
        var user = new AppUser
        {
            UserName = UserName, NormalizedUserName = UserName.ToUpperInvariant(), FullName = "Cán bộ từ bản trước",
            UnitCode = province.Code, SecurityStamp = Guid.NewGuid().ToString(),
        };
        user.PasswordHash = new PasswordHasher<AppUser>().HashPassword(user, Password);
        db.Users.Add(user);
        await db.SaveChangesAsync();
    }

    private string CreateFolder()
    {
        Directory.CreateDirectory(DataFolder);
        return DataFolder;
    }
}

/// <summary>The schema changes of this release apply on top of the previous release's database and keep its data.</summary>
public sealed class UpgradeTests
{
    [Fact]
    public async Task ThePreviousReleasesDatabase_IsMigrated_AndItsOfficialsSignInWithTokenFamilies()
    {
        await using var app = new UpgradeApp();
        await app.PrepareInitialDatabaseAsync();

        var login = await app.Anonymous().PostAsJsonAsync("/api/auth/login", new { userName = UpgradeApp.UserName, password = NtmApp.Password });

        var tokens = await Procedure.Must(login);
        var refreshed = await app.Anonymous().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.GetProperty("refreshToken").GetString() });
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var listed = await Procedure.Must(await (await app.As("admin")).GetAsync($"/api/admin/users?q={UpgradeApp.UserName}"));
        Assert.Equal("Cán bộ từ bản trước", Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("fullName").GetString());
    }

    [Fact]
    public async Task ThePreviousReleasesDatabase_GainsCommuneGroups_ForTheCommunesItHeld()
    {
        await using var app = new UpgradeApp();
        await app.PrepareInitialDatabaseAsync();
        var admin = await app.As("admin");

        var recorded = await admin.PostAsJsonAsync($"/api/units/{UpgradeApp.CommuneCode}/groups",
            new { group = "nhom-2", decisionNumber = "5/QĐ-UBND", decisionDate = "2026-02-20", validFrom = "2026-03-01" });

        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var groups = await Procedure.Must(await admin.GetAsync($"/api/units/{UpgradeApp.CommuneCode}/groups"));
        Assert.Equal("nhom-2", groups.GetProperty("current").GetProperty("group").GetString());
    }
}
