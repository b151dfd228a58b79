using System.ComponentModel;
using System.Diagnostics;
using Npgsql;

namespace NtmWorkflow.Web.Backups;

/// <summary>
/// Runs a PostgreSQL client program (pg_dump, pg_restore) on the server the connection string names. Where to connect
/// goes in the PG* environment variables, the password in PGPASSWORD: never on a command line that any user of the
/// machine can read.
/// </summary>
internal static class PostgresTools
{
    public static async Task RunAsync(string program, string connectionString, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        var environment = new Dictionary<string, string?>
        {
            ["PGHOST"] = connection.Host,
            ["PGPORT"] = connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PGUSER"] = connection.Username,
            ["PGDATABASE"] = connection.Database,
            ["PGPASSWORD"] = connection.Password,
            ["PGSSLMODE"] = connection.SslMode switch
            {
                SslMode.Disable => "disable",
                SslMode.Require => "require",
                SslMode.VerifyCA => "verify-ca",
                SslMode.VerifyFull => "verify-full",
                _ => "prefer",
            },
        };
        foreach (var (name, value) in environment.Where(e => e.Value is not null))
        {
            start.Environment[name] = value;
        }
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"Không chạy được {program} (cần gói máy khách PostgreSQL, đặt Backup:PgDump / Backup:PgRestore).", e);
        }
        using (process)
        {
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{program} kết thúc với mã {process.ExitCode}: {(await errors).Trim()} {(await output).Trim()}".Trim());
            }
        }
    }
}
