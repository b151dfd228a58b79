using Hangfire;
using MediatR;
using NtmWorkflow.Web.Features.Backups;
using NtmWorkflow.Web.Features.Documents;
using NtmWorkflow.Web.Features.Notifications;

namespace NtmWorkflow.Web.Jobs;

/// <summary>
/// A scheduled job does one thing: send its command, in a scope of its own, through the same pipeline as the API.
/// The logic lives in the command's handler, where the tests reach it too. The commands are idempotent and the next
/// occurrence does the same work, so a failed run is retried only a little; a run that finds the previous one still
/// going on any instance is skipped rather than queued behind it.
/// </summary>
[SkipWhileRunning]
[AutomaticRetry(Attempts = 2, DelaysInSeconds = [10, 60])]
public abstract class CommandJob<TCommand>(IServiceScopeFactory scopes, ILogger logger)
    where TCommand : IRequest<int>, new()
{
    public async Task Run(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var done = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new TCommand(), cancellationToken);
        if (done > 0)
        {
            logger.LogInformation("{Job} handled {Count} items", GetType().Name, done);
        }
    }
}

public sealed class ReminderSweepJob(IServiceScopeFactory scopes, ILogger<ReminderSweepJob> logger)
    : CommandJob<SendReminders.Command>(scopes, logger);

public sealed class EmailDeliveryJob(IServiceScopeFactory scopes, ILogger<EmailDeliveryJob> logger)
    : CommandJob<DeliverEmails.Command>(scopes, logger);

public sealed class DailyDigestJob(IServiceScopeFactory scopes, ILogger<DailyDigestJob> logger)
    : CommandJob<SendDailyDigests.Command>(scopes, logger);

public sealed class StorageCleanupJob(IServiceScopeFactory scopes, ILogger<StorageCleanupJob> logger)
    : CommandJob<CleanUpStorage.Command>(scopes, logger);

/// <summary>
/// Not retried: a failed backup is told to the administrators at once, and each retry would tell them again; the
/// earlier backups stay, and an operator runs <c>backup</c> by hand or waits for the next day's run.
/// </summary>
[AutomaticRetry(Attempts = 0)]
public sealed class BackupJob(IServiceScopeFactory scopes, ILogger<BackupJob> logger)
    : CommandJob<TakeBackup.Command>(scopes, logger);
