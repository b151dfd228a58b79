namespace NtmWorkflow.Web.Jobs;

/// <summary>The <c>Scheduler</c> section: how often each job runs, and how this instance's Hangfire server works.</summary>
public sealed class SchedulerOptions
{
    public const string Section = "Scheduler";

    /// <summary>Whether this instance runs a Hangfire server; the storage, the schedule and the dashboard are there either way.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How often due reminders and escalations are looked for. Every interval here must divide a minute, an hour or a
    /// day (1–59 s, 1–59 min, 1–23 h, 1 day), since Hangfire schedules recurring jobs with cron expressions.
    /// </summary>
    public TimeSpan ReminderSweepInterval { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan EmailDeliveryInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>When the daily digest goes out, in Vietnam's time.</summary>
    public TimeOnly DigestTime { get; set; } = new(16, 30);

    public TimeSpan StorageCleanupInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How many jobs this instance runs at once.</summary>
    public int WorkerCount { get; set; } = 4;

    /// <summary>How often the server looks for recurring jobs that came due and for queued jobs.</summary>
    public TimeSpan PollingInterval { get; set; } = TimeSpan.FromSeconds(15);
}
