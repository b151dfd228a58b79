using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace NtmWorkflow.Web.Data;

/// <summary>
/// Begins the transactions of writes. On SQLite one transaction at a time holds the write lock, and one that asks
/// meanwhile is put to sleep by SQLite's busy handler in growing steps, waking late: at 64 clients the process used
/// less than one of its two cores while writers slept. This process's writers queue here instead, in order, each
/// starting the moment the one before it ends. PostgreSQL locks rows, not the database: its writers do not queue.
/// </summary>
public sealed class WriteTransactions
{
    private readonly SemaphoreSlim sqliteWriter = new(1, 1);

    public async Task<WriteTransaction> BeginAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var queue = db.Database.IsSqlite() ? sqliteWriter : null;
        if (queue is not null)
        {
            await queue.WaitAsync(cancellationToken);
        }
        try
        {
            return new WriteTransaction(await db.Database.BeginTransactionAsync(cancellationToken), queue);
        }
        catch
        {
            queue?.Release();
            throw;
        }
    }
}

/// <summary>A write's transaction; disposing it (committed or not) lets the next queued writer in.</summary>
public sealed class WriteTransaction(IDbContextTransaction transaction, SemaphoreSlim? queue) : IAsyncDisposable
{
    public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await transaction.DisposeAsync();
        }
        finally
        {
            queue?.Release();
        }
    }
}
