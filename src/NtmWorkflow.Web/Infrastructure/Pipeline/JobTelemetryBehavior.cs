using System.Diagnostics;
using MediatR;
using NtmWorkflow.Web.Infrastructure.Telemetry;

namespace NtmWorkflow.Web.Infrastructure.Pipeline;

/// <summary>
/// Traces and times every run of a background job. Jobs only send system requests, so measuring here covers every job
/// whatever the scheduler, and a test that sends a job's command is measured like the scheduler's run.
/// </summary>
internal sealed class JobTelemetryBehavior<TRequest, TResponse>(AppMetrics metrics) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not ISystemRequest)
        {
            return await next();
        }
        // SendReminders.Command is named after the slice that declares it.
        var job = typeof(TRequest).DeclaringType?.Name ?? typeof(TRequest).Name;
        using var activity = JobTelemetry.Source.StartActivity($"job {job}");
        activity?.SetTag("ntm.job", job);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next();
            if (response is int handled)
            {
                activity?.SetTag("ntm.job.items", handled);
            }
            metrics.JobRan(job, succeeded: true, Stopwatch.GetElapsedTime(started));
            return response;
        }
        catch (Exception e)
        {
            activity?.AddException(e);
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            metrics.JobRan(job, succeeded: false, Stopwatch.GetElapsedTime(started));
            throw;
        }
    }
}
