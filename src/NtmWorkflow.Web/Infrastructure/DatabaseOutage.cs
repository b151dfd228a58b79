using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace NtmWorkflow.Web.Infrastructure;

/// <summary>
/// Faults that mean the database cannot be reached or cannot take writes right now, not that a request was wrong: the
/// caller is told to come back (503 with Retry-After) rather than handed a 500.
/// </summary>
internal static class DatabaseOutage
{
    public const string Detail = "Cơ sở dữ liệu tạm thời không truy cập được; vui lòng thử lại sau ít phút.";

    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN.
    private static readonly HashSet<int> SqliteOutages = [5, 6, 8, 10, 13, 14];

    public static bool IsOutage(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException { IsTransient: true } or SocketException or TimeoutException
                || e is SqliteException sqlite && SqliteOutages.Contains(sqlite.SqliteErrorCode))
            {
                return true;
            }
        }
        return false;
    }
}
