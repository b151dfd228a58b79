using MediatR;
using NtmWorkflow.Web.Data;

namespace NtmWorkflow.Web.Infrastructure.Pipeline;

/// <summary>
/// Runs a command in one transaction, so its checks and its writes see the same data. On SQLite the transaction
/// takes the write lock at once (BEGIN IMMEDIATE), so concurrent commands queue (in this process, in WriteTransactions'
/// queue) instead of failing half-way. A handler whose answer needs further reads may commit as soon as its writes are
/// saved (see GetCriteria.SaveAndBuildAsync), so that SQLite's lock is not held while it reads; the process's queue
/// still waits for the command to end.
/// </summary>
internal sealed class TransactionBehavior<TRequest, TResponse>(AppDbContext db, WriteTransactions writes) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not ICommand || db.Database.CurrentTransaction is not null)
        {
            return await next();
        }
        await using var transaction = await writes.BeginAsync(db, cancellationToken);
        var response = await next();
        if (db.Database.CurrentTransaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return response;
    }
}
