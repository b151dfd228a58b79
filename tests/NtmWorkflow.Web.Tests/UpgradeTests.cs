using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Data.Migrations;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>An app started on a database that the previous release left at its first migration (Initial).</summary>
public sealed class UpgradeApp : NtmApp
{
    public const string UserName = "can.bo.cu";

    /// <summary>A commune the previous release already held.</summary>
    public const string CommuneCode = "dong-thap.xa-tu-ban-truoc";

    /// <summary>A recognition the previous release recorded for Xã Tập Sơn (Trà Cú, Trà Vinh) before the reorganisation.</summary>
    public const string OldDecision = "99/QĐ-UBND-THU";

    public Task PrepareInitialDatabaseAsync() => PrepareDatabaseAsync(migrations => migrations.First(), withOldTree: false);

    /// <summary>
    /// A database migrated up to <paramref name="pick"/>'s migration, with the province and user every test needs and,
    /// when <paramref name="withOldTree"/>, the Trà Vinh branch as the previous release stored it (a "commune" kind, no
    /// reorganisation) with a recognised commune. Written with SQL: the current entities have columns it lacks.
    /// </summary>
    public async Task PrepareDatabaseAsync(Func<IEnumerable<string>, string> pick, bool withOldTree)
    {
        await using var db = OpenDatabase();
        var target = pick(db.Database.GetMigrations());
        await db.GetService<IMigrator>().MigrateAsync(target);
        Assert.NotEmpty(await db.Database.GetPendingMigrationsAsync());
        await AddUnit(db, "vn", "Việt Nam", "national", null);
        await AddUnit(db, "dong-thap", "Tỉnh Đồng Tháp", "province", "/vn/");
        await AddUnit(db, CommuneCode, "Xã từ bản trước", "commune", "/vn/dong-thap/");
        if (withOldTree)
        {
            await AddUnit(db, "tra-vinh", "Tỉnh Trà Vinh", "province", "/vn/");
            await AddUnit(db, "tra-vinh.tra-cu", "Huyện Trà Cú", "district", "/vn/tra-vinh/");
            await AddUnit(db, "tra-vinh.tra-cu.tap-son", "Xã Tập Sơn", "commune", "/vn/tra-vinh/tra-vinh.tra-cu/");
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO recognitions ("Id", "UnitCode", "UnitPath", "Level", "Year", "DecisionNumber", "DecisionDate", "DecisionSigner")
                VALUES ({Guid.NewGuid()}, {"tra-vinh.tra-cu.tap-son"}, {"/vn/tra-vinh/tra-vinh.tra-cu/tra-vinh.tra-cu.tap-son/"}, {"ntm"}, {2019},
                        {OldDecision}, {new DateOnly(2019, 12, 20)}, {"UBND tỉnh Trà Vinh"})
                """);
        }
        var user = new AppUser
        {
            UserName = UserName, NormalizedUserName = UserName.ToUpperInvariant(), FullName = "Cán bộ từ bản trước",
            UnitCode = "dong-thap", SecurityStamp = Guid.NewGuid().ToString(),
        };
        user.PasswordHash = new PasswordHasher<AppUser>().HashPassword(user, Password);
        db.Users.Add(user);
        await db.SaveChangesAsync();
    }

    /// <summary>The database as the previous release left it, for SQL the test writes or reads beside the application.</summary>
    public AppDbContext OpenDatabase() => OnPostgres
        ? new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(PostgresConnection).Options)
        : new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>()
            .UseSqlite($"Data Source={Path.Combine(CreateFolder(), "ntm.db")}").Options);

    private static async Task AddUnit(AppDbContext db, string code, string name, string kind, string? parentPath)
    {
        var parent = parentPath?.Split('/', StringSplitOptions.RemoveEmptyEntries).Last();
        var path = (parentPath ?? "/") + code + "/";
        var search = TextSearch.Normalize(name);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO units ("Code", "Name", "Kind", "ParentCode", "Path", "SearchName", "Region")
            VALUES ({code}, {name}, {kind}, {parent}, {path}, {search}, {"dong-bang-song-cuu-long"})
            """);
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

    [Fact]
    public async Task TheReleaseBeforeTheReorganisation_IsUpgraded_ItsCommunesBecomeXa_AndTheirHistoryFollowsTheMergers()
    {
        await using var app = new UpgradeApp();
        await app.PrepareDatabaseAsync(migrations => migrations.TakeWhile(m => !m.EndsWith("_UnitReorganisation")).Last(), withOldTree: true);

        var tapSon = await (await app.As("admin")).GetFromJsonAsync<JsonElement>("/api/units/vinh-long.tap-son");

        var old = Assert.Single(tapSon.GetProperty("predecessors").EnumerateArray());
        Assert.Equal("tra-vinh.tra-cu.tap-son", old.GetProperty("code").GetString());
        Assert.Equal("xa", old.GetProperty("kind").GetString());
        Assert.Equal("1687/NQ-UBTVQH15", old.GetProperty("resolution").GetString());
        Assert.Equal("2025-07-01", old.GetProperty("dissolvedOn").GetString());
        Assert.Contains(tapSon.GetProperty("recognitions").EnumerateArray(), r => r.GetProperty("unitName").GetString() == "Xã Tập Sơn"
            && r.GetProperty("decision").ValueKind == JsonValueKind.Object && r.GetProperty("decision").GetProperty("number").GetString() == UpgradeApp.OldDecision);
        var registry = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/public/decisions?provinceCode=vinh-long");
        var row = Assert.Single(registry.GetProperty("items").EnumerateArray(), r => r.GetProperty("decision").GetProperty("number").GetString() == UpgradeApp.OldDecision);
        Assert.Equal("Xã Tập Sơn", row.GetProperty("unitName").GetString());
        Assert.Equal("vinh-long", row.GetProperty("provinceCode").GetString());
    }

    /// <summary>
    /// The release before Hangfire ran Quartz, whose ProvisionSchema left its tables (with a job, its trigger and the
    /// trigger's schedule) in the application's database: QRTZ_* on SQLite, lower-case qrtz_* on PostgreSQL. The upgrade
    /// drops them all.
    /// </summary>
    [Fact]
    public async Task TheReleaseWithQuartz_IsUpgraded_AndItsTablesAreGone()
    {
        await using var app = new UpgradeApp();
        await app.PrepareDatabaseAsync(migrations => migrations.TakeWhile(m => !m.EndsWith("_DropQuartzTables")).Last(), withOldTree: false);
        var names = (app.OnPostgres ? QuartzTables.PostgresNames : QuartzTables.SqliteNames).ToList();
        string Named(string table) => names.Single(n => n.Equals("QRTZ_" + table, StringComparison.OrdinalIgnoreCase));
        await using (var db = app.OpenDatabase())
        {
            // Parents first, as Quartz's script creates them.
            foreach (var name in names.AsEnumerable().Reverse())
            {
                var parent = name.Equals(Named("TRIGGERS"), StringComparison.Ordinal) ? Named("JOB_DETAILS")
                    : name.EndsWith("_TRIGGERS", StringComparison.OrdinalIgnoreCase) && name != Named("FIRED_TRIGGERS") ? Named("TRIGGERS") : null;
                var reference = parent is null ? "" : $", FOREIGN KEY (SCHED_NAME, NAME) REFERENCES {parent} (SCHED_NAME, NAME)";
                var create = $"CREATE TABLE {name} (SCHED_NAME VARCHAR(120) NOT NULL, NAME VARCHAR(150) NOT NULL, PRIMARY KEY (SCHED_NAME, NAME){reference})";
                await db.Database.ExecuteSqlRawAsync(create);
            }
            foreach (var table in new[] { "JOB_DETAILS", "TRIGGERS", "CRON_TRIGGERS" })
            {
                var insert = $"INSERT INTO {Named(table)} (SCHED_NAME, NAME) VALUES ('QuartzScheduler', 'ReminderSweepJob')";
                await db.Database.ExecuteSqlRawAsync(insert);
            }
        }

        var login = await app.Anonymous().PostAsJsonAsync("/api/auth/login", new { userName = UpgradeApp.UserName, password = NtmApp.Password });

        await Procedure.Must(login);
        await using var upgraded = app.OpenDatabase();
        var left = await upgraded.Database.SqlQueryRaw<string>(app.OnPostgres
            ? "SELECT table_name AS \"Value\" FROM information_schema.tables WHERE lower(table_name) LIKE 'qrtz%'"
            : "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table' AND lower(name) LIKE 'qrtz%'").ToListAsync();
        Assert.Empty(left);
        Assert.Empty(await upgraded.Database.GetPendingMigrationsAsync());
    }
}
