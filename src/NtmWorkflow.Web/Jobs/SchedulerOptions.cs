namespace NtmWorkflow.Web.Jobs;

/// <summary>The <c>Scheduler</c> section: how often each job runs, and whether this instance joins a cluster.</summary>
public sealed class SchedulerOptions
{
    public const string Section = "Scheduler";

    public bool Enabled { get; set; } = true;

    /// <summary>Take part in a Quartz cluster with every instance on the same database; by default on PostgreSQL only.</summary>
    public bool? Clustered { get; set; }

    public TimeSpan ReminderSweepInterval { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan EmailDeliveryInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>When the daily digest goes out, in Vietnam's time.</summary>
    public TimeOnly DigestTime { get; set; } = new(16, 30);

    public TimeSpan StorageCleanupInterval { get; set; } = TimeSpan.FromHours(1);
}
