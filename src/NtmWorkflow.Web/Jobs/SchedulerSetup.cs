using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using Microsoft.Data.Sqlite;
using Npgsql;
using NtmWorkflow.Engine.Calendar;
using Microsoft.Extensions.Options;
using NtmWorkflow.Web.Backups;
using NtmWorkflow.Web.Data;

namespace NtmWorkflow.Web.Jobs;

/// <summary>
/// Hangfire with a persistent job storage: on PostgreSQL the schema <c>hangfire</c> of the application's database, on
/// SQLite a file of its own beside the application's (<c>ntm.jobs.db</c> for <c>ntm.db</c>). Hangfire's polling,
/// heartbeats and locks write all the time; in the application's file they would queue behind (and hold up) the
/// handlers' write transactions under SQLite's single writer lock, while their loss costs nothing but job history.
/// A recurring job keeps its last execution in the storage, so one due while no server ran fires once on return;
/// every instance on one PostgreSQL database shares the storage, so each occurrence is enqueued once and runs on one.
/// </summary>
public static class SchedulerSetup
{
    public const string PostgresSchema = "hangfire";

    public static void AddScheduler(this IServiceCollection services, IConfiguration configuration, DatabaseConnection database)
    {
        var options = configuration.GetSection(SchedulerOptions.Section).Get<SchedulerOptions>() ?? new SchedulerOptions();
        // Registered before AddHangfire, which only adds JobStorage.Current when none is: one storage per host, even
        // with several hosts in one process (the tests' two instances).
        services.AddSingleton(_ => CreateStorage(database, options));
        services.AddHangfire((provider, hangfire) => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HostLogProvider(provider.GetRequiredService<ILoggerFactory>())));
        services.AddHostedService(provider => new JobStorageSetup(provider, database, options));
        if (options.Enabled)
        {
            services.AddHangfireServer(server =>
            {
                server.WorkerCount = options.WorkerCount;
                server.SchedulePollingInterval = options.PollingInterval;
            });
        }
    }

    /// <summary>Builds the storage without touching the database, which may not exist before the start-up tasks ran.</summary>
    private static JobStorage CreateStorage(DatabaseConnection database, SchedulerOptions options)
    {
        if (database.Provider == DatabaseSetup.Postgres)
        {
            var storageOptions = new PostgreSqlStorageOptions
            {
                SchemaName = PostgresSchema,
                PrepareSchemaIfNecessary = false,
                QueuePollInterval = options.PollingInterval,
            };
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(database.ConnectionString, storageOptions), storageOptions);
        }
        return new SQLiteStorage(SqliteJobsFile(database.ConnectionString), new SQLiteStorageOptions { QueuePollInterval = options.PollingInterval });
    }

    public static string SqliteJobsFile(string connectionString) =>
        Path.ChangeExtension(new SqliteConnectionStringBuilder(connectionString).DataSource, ".jobs.db");

    /// <summary>The cron expression of a job run every <paramref name="interval"/>, aligned on the clock.</summary>
    public static string EveryCron(TimeSpan interval)
    {
        var seconds = (int)interval.TotalSeconds;
        return seconds switch
        {
            > 0 and < 60 when 60 % seconds == 0 && interval.TotalSeconds == seconds => $"*/{seconds} * * * * *",
            < 3600 when seconds % 60 == 0 && 60 % (seconds / 60) == 0 => $"*/{seconds / 60} * * * *",
            < 86400 when seconds % 3600 == 0 && 24 % (seconds / 3600) == 0 => $"0 */{seconds / 3600} * * *",
            86400 => "0 0 * * *",
            _ => throw new InvalidOperationException(
                $"Scheduler: the interval {interval} must divide a minute, an hour or a day (1–59 s, 1–59 min, 1–23 h or 1 day)."),
        };
    }

    /// <summary>
    /// After the start-up tasks (which create and migrate the database): the PostgreSQL schema, then the recurring jobs
    /// from the settings, before this instance's server starts. An instance without a server registers them too, so
    /// that the schedule every instance shares and the dashboard shows follow the settings of whichever started last.
    /// </summary>
    private sealed class JobStorageSetup(IServiceProvider services, DatabaseConnection database, SchedulerOptions options) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            if (database.Provider == DatabaseSetup.Postgres)
            {
                // Under the start-up lock: instances started together would otherwise install the schema at once, and
                // all but one fail on PostgreSQL's serialization check (40001).
                await using var scope = services.CreateAsyncScope();
                await using var held = await StartupLock.AcquireAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), cancellationToken);
                await using var connection = new NpgsqlConnection(database.ConnectionString);
                await connection.OpenAsync(cancellationToken);
                PostgreSqlObjectsInstaller.Install(connection, PostgresSchema);
            }
            var jobs = services.GetRequiredService<IRecurringJobManager>();
            var utc = new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc, MisfireHandling = MisfireHandlingMode.Relaxed };
            jobs.AddOrUpdate<ReminderSweepJob>(nameof(ReminderSweepJob), job => job.Run(CancellationToken.None),
                EveryCron(options.ReminderSweepInterval), utc);
            jobs.AddOrUpdate<EmailDeliveryJob>(nameof(EmailDeliveryJob), job => job.Run(CancellationToken.None),
                EveryCron(options.EmailDeliveryInterval), utc);
            jobs.AddOrUpdate<StorageCleanupJob>(nameof(StorageCleanupJob), job => job.Run(CancellationToken.None),
                EveryCron(options.StorageCleanupInterval), utc);
            var vietnam = new RecurringJobOptions { TimeZone = WorkingCalendar.VietnamTime, MisfireHandling = MisfireHandlingMode.Relaxed };
            jobs.AddOrUpdate<DailyDigestJob>(nameof(DailyDigestJob), job => job.Run(CancellationToken.None),
                Cron.Daily(options.DigestTime.Hour, options.DigestTime.Minute), vietnam);
            jobs.AddOrUpdate<BackupJob>(nameof(BackupJob), job => job.Run(CancellationToken.None),
                services.GetRequiredService<IOptions<BackupOptions>>().Value.Schedule, vietnam);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
