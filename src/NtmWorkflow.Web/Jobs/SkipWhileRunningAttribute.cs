using Hangfire.Common;
using Hangfire.Logging;
using Hangfire.Server;
using Hangfire.Storage;

namespace NtmWorkflow.Web.Jobs;

/// <summary>
/// One run of a job at a time across every instance, by a distributed lock in the job storage. Hangfire's own
/// DisableConcurrentExecution waits for that lock and fails the run when the wait times out — the storage-lock timeouts
/// SQLite storage is known for under several workers. A recurring command is idempotent and comes round again, so a run
/// that finds the lock taken is skipped instead: Hangfire deletes it, the dashboard naming this filter as the reason.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SkipWhileRunningAttribute : JobFilterAttribute, IServerFilter
{
    private const string LockItem = "ntm.skip-while-running.lock";
    private static readonly ILog Log = LogProvider.GetLogger(typeof(SkipWhileRunningAttribute));

    public void OnPerforming(PerformingContext context)
    {
        var job = context.BackgroundJob.Job.Type.Name;
        try
        {
            context.Items[LockItem] = context.Connection.AcquireDistributedLock($"ntm:job:{job}", TimeSpan.Zero);
        }
        catch (Exception e) when (IsLockTimeout(e))
        {
            context.Canceled = true;
            Log.Info($"{job} skipped: its previous run is still going.");
        }
    }

    public void OnPerformed(PerformedContext context)
    {
        if (context.Items.Remove(LockItem, out var held))
        {
            ((IDisposable)held).Dispose();
        }
    }

    /// <summary>Hangfire.PostgreSql reports a lock it could not take with an exception of its own.</summary>
    private static bool IsLockTimeout(Exception e) =>
        e is DistributedLockTimeoutException || e.GetType().Name == "PostgreSqlDistributedLockException";
}
