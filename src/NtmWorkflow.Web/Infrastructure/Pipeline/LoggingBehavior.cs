using System.Diagnostics;
using MediatR;

namespace NtmWorkflow.Web.Infrastructure.Pipeline;

internal sealed class LoggingBehavior<TRequest, TResponse>(ILogger<LoggingBehavior<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await next();
        }
        finally
        {
            logger.LogDebug("{Request} handled in {Elapsed} ms", typeof(TRequest).FullName,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }
}
