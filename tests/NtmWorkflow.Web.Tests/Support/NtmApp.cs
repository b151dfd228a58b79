using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NtmWorkflow.Engine;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;

namespace NtmWorkflow.Web.Tests.Support;

/// <summary>
/// The real application over HTTP on a fresh real database: a SQLite file of its own, or a new PostgreSQL database
/// when NTM_TEST_POSTGRES holds a server connection string. One per test class.
/// </summary>
public class NtmApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Demo-Password-2026";

    /// <summary>Monday 02/03/2026, 09:00 in Vietnam: a working day in an official calendar year.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    private static int unitCounter;
    private readonly string? postgresServer = System.Environment.GetEnvironmentVariable("NTM_TEST_POSTGRES");
    private readonly string databaseName;
    private readonly string sqliteFolder;
    private readonly bool keepDatabase;
    private readonly Dictionary<(string User, DateTimeOffset IssuedAt), string> tokens = [];

    public NtmApp()
        : this(Guid.NewGuid().ToString("N"), keepDatabase: false)
    {
    }

    /// <summary>An app on a named database, which outlives it when <paramref name="keepDatabase"/> (restart tests).</summary>
    protected NtmApp(string databaseKey, bool keepDatabase)
    {
        databaseName = "ntm_test_" + databaseKey;
        sqliteFolder = Path.Combine(Path.GetTempPath(), "ntm-tests", databaseKey);
        this.keepDatabase = keepDatabase;
    }

    private TestClock? clock;

    public TestClock Clock => clock ??= new TestClock(Start, ClockTicks);

    /// <summary>Whether the clock runs on by itself once set (for the scheduler's tests).</summary>
    protected virtual bool ClockTicks => false;

    /// <summary>This app's document store, inside its own temporary folder.</summary>
    public string StorageRoot => Path.Combine(sqliteFolder, "files");

    public bool OnPostgres => postgresServer is not null;

    /// <summary>The folder of this app's SQLite file and document store.</summary>
    public string DataFolder => sqliteFolder;

    /// <summary>This app's PostgreSQL connection string (on PostgreSQL only).</summary>
    protected string PostgresConnection => new NpgsqlConnectionStringBuilder(postgresServer) { Database = databaseName }.ToString();

    /// <summary>Extra settings a test class needs (a broken workflows folder, say).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [];

    protected virtual string Environment => "Testing";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("Seed:Demo", "true");
        builder.UseSetting("Seed:DemoPassword", Password);
        builder.UseSetting("Storage:Root", StorageRoot);
        // Jobs are run by sending their commands; the scheduler's own tests switch it on.
        builder.UseSetting("Scheduler:Enabled", "false");
        // Every test class posts from one address; the limit's own test sets it low.
        builder.UseSetting("PublicComments:PermitsPerWindow", "1000");
        builder.UseSetting("SignIn:AttemptsPerAddress", "100000");
        builder.UseSetting("SignIn:AttemptsPerUserName", "100000");
        if (postgresServer is not null)
        {
            builder.UseSetting("Database:Provider", DatabaseSetup.Postgres);
            builder.UseSetting("ConnectionStrings:Postgres", PostgresConnection);
        }
        else
        {
            builder.UseSetting("Database:Provider", DatabaseSetup.Sqlite);
            builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={Path.Combine(sqliteFolder, "ntm.db")}");
        }
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IStartupFilter, TestClientAddress>();
        });
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public new virtual async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (postgresServer is not null && !keepDatabase)
        {
            // Straight to the server: the app may never have started (start-up failure tests).
            await using var connection = new NpgsqlConnection(postgresServer);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        if (Directory.Exists(sqliteFolder) && !keepDatabase)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(sqliteFolder, recursive: true);
        }
    }

    public HttpClient Anonymous() => CreateClient();

    /// <summary>Sends a scheduled job's command, as its Hangfire job would, outside any HTTP request.</summary>
    public async Task<int> RunJob(MediatR.IRequest<int> command)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MediatR.IMediator>().Send(command);
    }

    /// <summary>Drops the user's cached tokens: their sessions were ended (deactivation, new password, new unit).</summary>
    public void Forget(string userName)
    {
        foreach (var key in tokens.Keys.Where(k => k.User == userName).ToList())
        {
            tokens.Remove(key);
        }
    }

    /// <summary>A client signed in through POST /api/auth/login as the given user (again whenever the test clock moved).</summary>
    public async Task<HttpClient> As(string userName)
    {
        if (!tokens.TryGetValue((userName, Clock.Now), out var token))
        {
            var response = await CreateClient().PostAsJsonAsync("/api/auth/login", new { userName, password = Password });
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            token = body.GetProperty("accessToken").GetString()!;
            tokens[(userName, Clock.Now)] = token;
        }
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// A new commune under Thành phố Hồng Ngự with its own officer, so each test owns its commune and the rule of
    /// one open dossier per unit and level never couples two tests.
    /// </summary>
    public Task<TestUnit> NewCommune(string districtCode = "dong-thap.hong-ngu") =>
        NewUnit(districtCode, UnitKinds.Commune, Roles.CommuneOfficer, "Xã Thử Nghiệm", "xa.thunghiem");

    /// <summary>A new district of a province with its own district reviewer, for the district procedure.</summary>
    /// <summary>
    /// Places the commune in a commune group through the API, as Đồng Tháp's appraiser, so that it may open a 2026
    /// dossier (the 2026–2030 criteria read their thresholds by group).
    /// </summary>
    public async Task PlaceInGroup(TestUnit commune, string group = "nhom-2", string validFrom = "2026-02-15", string decision = "120/QĐ-UBND")
    {
        var client = await As("tinh.dongthap.thamdinh");
        var response = await client.PostAsJsonAsync($"/api/units/{commune.Code}/groups",
            new { group, decisionNumber = decision, decisionDate = "2026-02-01", validFrom });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public Task<TestUnit> NewDistrict(string provinceCode = "dong-thap") =>
        NewUnit(provinceCode, UnitKinds.District, Roles.DistrictReviewer, "Huyện Thử Nghiệm", "huyen.thunghiem");

    private async Task<TestUnit> NewUnit(string parentCode, string kind, string role, string name, string userPrefix)
    {
        var n = Interlocked.Increment(ref unitCounter);
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var parent = await db.Units.FindAsync(parentCode) ?? throw new InvalidOperationException(parentCode);
        var unit = new AdministrativeUnit($"{parentCode}.thu-nghiem-{n}", $"{name} {n}", kind, parent);
        db.Units.Add(unit);
        await db.SaveChangesAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = $"{userPrefix}{n}", FullName = unit.Name, UnitCode = unit.Code };
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRoleAsync(user, role));
        return new TestUnit(unit.Code, unit.Name, user.UserName);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}

public sealed record TestUnit(string Code, string Name, string Officer);
