using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using NtmWorkflow.Web.Domain;

namespace NtmWorkflow.Web.Infrastructure.Telemetry;

/// <summary>
/// Counts a workflow action when the row of its timeline event is committed, not when the aggregate allows it: a move
/// inside a decision batch or council session that is rolled back with the batch, or a save refused for a stale
/// version, never happened and is not counted. Events saved outside a transaction count once saved.
/// </summary>
internal sealed class CommittedActions(AppMetrics metrics) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<string>> saving = [];
    private readonly ConditionalWeakTable<DbTransaction, List<string>> uncommitted = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stage(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stage(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Drop(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Drop(eventData.Context);
        return Task.CompletedTask;
    }

    // Npgsql reuses a connection's transaction object, so a list left by a transaction disposed without commit or
    // rollback (which raises no event) is cleared when the object begins its next transaction.
    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        uncommitted.Remove(result);
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        uncommitted.Remove(result);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(transaction);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(transaction);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => uncommitted.Remove(transaction);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        uncommitted.Remove(transaction);
        return Task.CompletedTask;
    }

    private void Stage(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        var added = context.ChangeTracker.Entries<DossierEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.Action).ToList();
        if (added.Count > 0)
        {
            saving.AddOrUpdate(context, added);
        }
    }

    private void Saved(DbContext? context)
    {
        if (context is null || !saving.TryGetValue(context, out var actions))
        {
            return;
        }
        saving.Remove(context);
        if (context.Database.CurrentTransaction?.GetDbTransaction() is { } transaction)
        {
            uncommitted.GetOrCreateValue(transaction).AddRange(actions);
        }
        else
        {
            Count(actions);
        }
    }

    private void Drop(DbContext? context)
    {
        if (context is not null)
        {
            saving.Remove(context);
        }
    }

    private void Committed(DbTransaction transaction)
    {
        if (uncommitted.TryGetValue(transaction, out var actions))
        {
            uncommitted.Remove(transaction);
            Count(actions);
        }
    }

    private void Count(IEnumerable<string> actions)
    {
        foreach (var action in actions)
        {
            metrics.ActionTaken(action);
        }
    }
}
