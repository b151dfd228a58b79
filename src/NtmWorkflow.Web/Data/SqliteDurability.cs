using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NtmWorkflow.Web.Data;

/// <summary>
/// How hard SQLite flushes a commit, set on every connection it opens (<c>Database:SqliteSynchronous</c>).
/// "normal" under WAL flushes at checkpoints only: a crash of the application loses nothing, a power cut of the machine
/// can lose the last commits but never corrupts the file. "full" flushes every commit, at several times the cost.
/// </summary>
internal sealed class SqliteDurability(string level) : DbConnectionInterceptor
{
    public const string Normal = "normal";
    public const string Full = "full";

    public static SqliteDurability From(IConfiguration configuration)
    {
        var setting = configuration["Database:SqliteSynchronous"];
        var level = string.IsNullOrWhiteSpace(setting) ? Normal : setting.Trim().ToLowerInvariant();
        return level is Normal or Full
            ? new SqliteDurability(level)
            : throw new InvalidOperationException($"Database:SqliteSynchronous must be '{Normal}' or '{Full}', not '{level}'.");
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = Pragma(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = Pragma(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private DbCommand Pragma(DbConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA synchronous={level};";
        return command;
    }
}
