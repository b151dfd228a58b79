using MediatR;
using NtmWorkflow.Web.Infrastructure;
using NtmWorkflow.Web.Storage;

namespace NtmWorkflow.Web.Features.Documents;

/// <summary>Removes staged files and unreferenced blobs older than a day; idempotent, so any instance may run it.</summary>
public static class CleanUpStorage
{
    /// <summary>Returns how many files were removed.</summary>
    public sealed record Command : IRequest<int>, ISystemRequest;

    internal sealed class Handler(StorageCleanup cleanup) : IRequestHandler<Command, int>
    {
        public Task<int> Handle(Command command, CancellationToken cancellationToken) => cleanup.RunAsync(cancellationToken);
    }
}
