using NtmWorkflow.Engine.Calendar;
using NtmWorkflow.Web.Data;
using Quartz;

namespace NtmWorkflow.Web.Jobs;

/// <summary>
/// Quartz with its persistent store on the application's own database (tables created on first start), so a job
/// due while the server was down fires once it is back, and — clustered, on PostgreSQL — fires on one instance only.
/// </summary>
public static class SchedulerSetup
{
    public static void AddScheduler(this IServiceCollection services, IConfiguration configuration, DatabaseConnection database)
    {
        var options = configuration.GetSection(SchedulerOptions.Section).Get<SchedulerOptions>() ?? new SchedulerOptions();
        if (!options.Enabled)
        {
            return;
        }
        if (options.Clustered == true && database.Provider != DatabaseSetup.Postgres)
        {
            throw new InvalidOperationException(
                "Scheduler:Clustered needs PostgreSQL: SQLite serves a single instance, and Quartz cannot cluster on it.");
        }
        services.AddQuartz(quartz =>
        {
            quartz.UsePersistentStore(store =>
            {
                store.UseSystemTextJsonSerializer();
                if (database.Provider == DatabaseSetup.Postgres)
                {
                    store.UsePostgres(database.ConnectionString);
                }
                else
                {
                    store.UseSqlite(database.ConnectionString);
                }
                store.ProvisionSchema();
                if (options.Clustered ?? database.Provider == DatabaseSetup.Postgres)
                {
                    store.UseClustering();
                }
            });
            Every<ReminderSweepJob>(quartz, options.ReminderSweepInterval);
            Every<EmailDeliveryJob>(quartz, options.EmailDeliveryInterval);
            Every<StorageCleanupJob>(quartz, options.StorageCleanupInterval);
            quartz.ScheduleJob<DailyDigestJob>(trigger => trigger
                .WithIdentity(nameof(DailyDigestJob))
                .WithCronSchedule($"0 {options.DigestTime.Minute} {options.DigestTime.Hour} * * ?",
                    cron => cron.InTimeZone(WorkingCalendar.VietnamTime).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
        });
        // A restart keeps each trigger's history, so a firing missed while the server was down is a misfire and runs at once.
        services.Configure<QuartzOptions>(quartz => quartz.Scheduling.ScheduleTriggerRelativeToReplacedTrigger = true);
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
    }

    private static void Every<TJob>(IQuartzBuilder quartz, TimeSpan interval)
        where TJob : IJob =>
        quartz.ScheduleJob<TJob>(trigger => trigger
            .WithIdentity(typeof(TJob).Name)
            .StartNow()
            .WithSimpleSchedule(schedule => schedule.WithInterval(interval).RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
}
