using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Text.RegularExpressions;
using Npgsql;
using NtmWorkflow.Web.Data;

namespace NtmWorkflow.Benchmarks;

/// <summary>
/// The real application on a loopback port, on a fresh SQLite file in a temporary folder or a new database on the
/// given PostgreSQL server; the scheduler is off (the sweep is measured by sending its command). With
/// <c>digest</c>, the shipped definitions run with every stage's declared reminders sent as a daily digest.
/// </summary>
public sealed class BenchHost : WebApplicationFactory<Program>
{
    public const string Password = "Bench-Password-2026";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "ntm-bench-" + Guid.NewGuid().ToString("N"));
    private readonly string? postgres;
    private readonly string database = "ntm_bench_" + Guid.NewGuid().ToString("N");
    private readonly bool digest;

    public BenchHost(string? postgres, bool digest = false)
    {
        this.postgres = postgres;
        this.digest = digest;
        Directory.CreateDirectory(folder);
        // A console program has no test manifest naming the application's folder: run it from this build's output.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_NTMWORKFLOW_WEB", AppContext.BaseDirectory);
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1"));
    }

    public BenchClock Clock { get; } = new();

    /// <summary>The folder of this run's SQLite file and document store (<c>files/</c>), removed with the host.</summary>
    public string Folder => folder;

    /// <summary>The PostgreSQL server given with --postgres, or none on SQLite.</summary>
    public string? PostgresServer => postgres;

    public Uri BaseAddress { get; }

    public string Database => postgres is null ? $"SQLite file in {folder}" : "PostgreSQL";

    /// <summary>
    /// The database a report was taken on, with what decides the cost of a commit: SQLite's synchronous mode, or
    /// PostgreSQL's version and fsync and synchronous_commit settings, read from the server itself.
    /// </summary>
    public async Task<string> DescribeDatabaseAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // Opened through EF, so that the application's connection interceptor sets SQLite's pragmas as on every request.
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = postgres is null
            ? "SELECT 'SQLite ' || sqlite_version() || ' (' || journal_mode || '), one file, synchronous=' || " +
              "CASE synchronous WHEN 1 THEN 'normal' WHEN 2 THEN 'full' ELSE synchronous END FROM pragma_journal_mode, pragma_synchronous"
            : "SELECT 'PostgreSQL ' || current_setting('server_version') || ', fsync=' || current_setting('fsync') " +
              "|| ', synchronous_commit=' || current_setting('synchronous_commit')";
        return (string)(await command.ExecuteScalarAsync())!;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Benchmark");
        builder.UseSetting("Seed:Demo", "true");
        builder.UseSetting("Seed:DemoPassword", Password);
        builder.UseSetting("Storage:Root", Path.Combine(folder, "files"));
        // The upload measure sends a 200 MB document; the shipped default accepts 50 MB.
        builder.UseSetting("Storage:MaxFileBytes", (512L * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Scheduler:Enabled", "false");
        // Every commune officer of the flow signs in from this one address within a minute.
        builder.UseSetting("SignIn:AttemptsPerAddress", "100000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        if (digest)
        {
            builder.UseSetting("Workflows:Folder", DigestedWorkflows());
        }
        if (postgres is not null)
        {
            builder.UseSetting("Database:Provider", "postgres");
            builder.UseSetting("ConnectionStrings:Postgres", new NpgsqlConnectionStringBuilder(postgres) { Database = database }.ToString());
        }
        else
        {
            builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={Path.Combine(folder, "ntm.db")}");
        }
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IStartupFilter, Ceiling>();
            // The harness skips weeks of public posting; its tokens must outlive the skipped time.
            services.Configure<BearerTokenOptions>(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromDays(3650));
        });
    }

    /// <summary>A copy of the shipped definitions in the run's folder, each declared reminder list ending in a digest.</summary>
    private string DigestedWorkflows()
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, "workflows");
        var copy = Path.Combine(folder, "workflows");
        foreach (var file in Directory.EnumerateFiles(shipped, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(shipped, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, Regex.Replace(File.ReadAllText(file), @"reminders: \[(.*)\]", "reminders: [$1, { digest: true }]"));
        }
        return copy;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
        if (postgres is not null)
        {
            await using var connection = new NpgsqlConnection(postgres);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
