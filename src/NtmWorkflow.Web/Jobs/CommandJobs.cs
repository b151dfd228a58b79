using MediatR;
using NtmWorkflow.Web.Features.Documents;
using NtmWorkflow.Web.Features.Notifications;
using Quartz;

namespace NtmWorkflow.Web.Jobs;

/// <summary>
/// A scheduled job does one thing: send its command, in a scope of its own, through the same pipeline as the API.
/// The logic lives in the command's handler, where the tests reach it too.
/// </summary>
internal abstract class CommandJob<TCommand>(IServiceScopeFactory scopes, ILogger logger) : IJob
    where TCommand : IRequest<int>, new()
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var done = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new TCommand(), cancellationToken);
        if (done > 0)
        {
            logger.LogInformation("{Job} handled {Count} items", GetType().Name, done);
        }
    }
}

[DisallowConcurrentExecution]
internal sealed class ReminderSweepJob(IServiceScopeFactory scopes, ILogger<ReminderSweepJob> logger)
    : CommandJob<SendReminders.Command>(scopes, logger);

[DisallowConcurrentExecution]
internal sealed class EmailDeliveryJob(IServiceScopeFactory scopes, ILogger<EmailDeliveryJob> logger)
    : CommandJob<DeliverEmails.Command>(scopes, logger);

[DisallowConcurrentExecution]
internal sealed class DailyDigestJob(IServiceScopeFactory scopes, ILogger<DailyDigestJob> logger)
    : CommandJob<SendDailyDigests.Command>(scopes, logger);

[DisallowConcurrentExecution]
internal sealed class StorageCleanupJob(IServiceScopeFactory scopes, ILogger<StorageCleanupJob> logger)
    : CommandJob<CleanUpStorage.Command>(scopes, logger);
