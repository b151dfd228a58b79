using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NtmWorkflow.Web.Infrastructure.Telemetry;

namespace NtmWorkflow.Web.Data;

/// <summary>Which database the application runs on, for the parts that open their own connections (the scheduler).</summary>
public sealed record DatabaseConnection(string Provider, string ConnectionString);

public static class DatabaseSetup
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary>
    /// Registers the provider chosen by <c>Database:Provider</c> and exposes it as <see cref="AppDbContext"/>. Contexts
    /// are pooled: every request needs one, and building one from scratch costs more than resetting a used one.
    /// </summary>
    public static DatabaseConnection AddAppDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var provider = configuration["Database:Provider"] ?? Sqlite;
        services.AddSingleton<CommittedActions>();
        switch (provider)
        {
            case Sqlite:
                var sqlite = SqliteConnectionString(configuration.GetConnectionString("Sqlite") ?? "Data Source=data/ntm.db", contentRoot);
                var durability = SqliteDurability.From(configuration);
                // Two past migrations rebuild a SQLite table, which EF brackets with foreign keys switched off outside the
                // transaction; its warning, printed on every new database, names nothing an operator could act on.
                services.AddDbContextPool<SqliteAppDbContext>((sp, o) => o.UseSqlite(sqlite).AddInterceptors(durability, sp.GetRequiredService<CommittedActions>())
                    .ConfigureWarnings(w => w.Ignore(RelationalEventId.NonTransactionalMigrationOperationWarning)));
                services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<SqliteAppDbContext>());
                return new DatabaseConnection(provider, sqlite);
            case Postgres:
                var postgres = configuration.GetConnectionString("Postgres")
                    ?? throw new InvalidOperationException("Database:Provider is postgres but ConnectionStrings:Postgres is not set.");
                services.AddDbContextPool<PostgresAppDbContext>((sp, o) => o.UseNpgsql(postgres).AddInterceptors(sp.GetRequiredService<CommittedActions>()));
                services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<PostgresAppDbContext>());
                return new DatabaseConnection(provider, postgres);
            default:
                throw new InvalidOperationException($"Database:Provider must be '{Sqlite}' or '{Postgres}', not '{provider}'.");
        }
    }

    /// <summary>
    /// Creates the PostgreSQL database when it does not exist yet, before anything else (the start-up lock lives in it).
    /// Instances started together all see it missing; the ones that lose the race get "already exists" (42P04, or
    /// 23505 when the creations collide in the catalogue) and carry on with the database the winner made.
    /// </summary>
    public static async Task CreateIfMissingAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!db.Database.IsNpgsql() || await creator.ExistsAsync(cancellationToken))
        {
            return;
        }
        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
        }
    }

    /// <summary>Applies pending migrations; on SQLite also switches to write-ahead logging so readers never wait for writers.</summary>
    public static async Task MigrateAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    /// <summary>A relative SQLite file is placed under the content root, and its folder is created.</summary>
    private static string SqliteConnectionString(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }
        return builder.ToString();
    }
}

/// <summary>Used by 'dotnet ef migrations add … --context SqliteAppDbContext'.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>Used by 'dotnet ef migrations add … --context PostgresAppDbContext'; no server is contacted.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
