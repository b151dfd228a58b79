using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace NtmWorkflow.Web.Data;

/// <summary>
/// Held around the start-up sequence (migrations, units, definitions, demo users), so that instances started together —
/// a cluster coming up, or a redeploy after units.yaml changed — run it one after another: each step reads what is
/// there and adds what is missing, which is only safe when no other instance adds the same rows meanwhile. Disposing
/// it lets the next instance in.
/// </summary>
internal static class StartupLock
{
    /// <summary>The advisory lock's key: any number no other user of the database takes ("NTMSTART" in ASCII).</summary>
    private const long PostgresKey = 0x4E544D5354415254;

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    /// <summary>Waits for the lock; the database must exist (PostgreSQL locks live in it).</summary>
    public static Task<IAsyncDisposable?> AcquireAsync(AppDbContext db, CancellationToken cancellationToken) =>
        db.Database.IsNpgsql()
            ? PostgresAsync(db.Database.GetConnectionString()!, cancellationToken)
            : SqliteAsync(db.Database.GetConnectionString()!, cancellationToken);

    /// <summary>
    /// A session-level advisory lock on a connection of its own, outside the pool: closing it ends the session, which
    /// releases the lock even when start-up fails half-way; a pooled connection would keep the session, and the lock,
    /// alive. No command timeout: an instance waits for as long as another one's migrations take.
    /// </summary>
    private static async Task<IAsyncDisposable?> PostgresAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"SELECT pg_advisory_lock({PostgresKey})", connection) { CommandTimeout = 0 };
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// SQLite serves one instance, but two processes on one file must not trip over each other: an exclusive lock on a
    /// file beside the database (flock on Linux, released by the system if the process dies). An in-memory database has
    /// no other process to fear.
    /// </summary>
    private static async Task<IAsyncDisposable?> SqliteAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            return null;
        }
        while (true)
        {
            try
            {
                return new FileStream(builder.DataSource + ".startup-lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException e) when (e is not (FileNotFoundException or DirectoryNotFoundException))
            {
                // Held by another instance's start-up.
                await Task.Delay(Poll, cancellationToken);
            }
        }
    }
}
