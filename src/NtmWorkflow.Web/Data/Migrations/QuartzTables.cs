namespace NtmWorkflow.Web.Data.Migrations;

/// <summary>
/// The tables Quartz's ProvisionSchema created in the application's database before Hangfire replaced it: QRTZ_* on
/// SQLite, the same names unquoted (so lower case) on PostgreSQL. Children before the tables they reference.
/// </summary>
internal static class QuartzTables
{
    private static readonly string[] Names =
    [
        "FIRED_TRIGGERS", "SIMPLE_TRIGGERS", "SIMPROP_TRIGGERS", "CRON_TRIGGERS", "BLOB_TRIGGERS", "MISFIRE_HISTORY",
        "EXECUTION_HISTORY", "JOB_STATUS", "PAUSED_TRIGGER_GRPS", "PAUSED_JOB_GRPS", "SCHEDULER_STATE", "LOCKS",
        "CALENDARS", "TRIGGERS", "JOB_DETAILS",
    ];

    public static IEnumerable<string> SqliteNames => Names.Select(name => "QRTZ_" + name);

    public static IEnumerable<string> PostgresNames => SqliteNames.Select(name => name.ToLowerInvariant());

    public static string DropOnSqlite => string.Concat(SqliteNames.Select(name => $"DROP TABLE IF EXISTS \"{name}\";\n"));

    public static string DropOnPostgres => string.Concat(PostgresNames.Select(name => $"DROP TABLE IF EXISTS {name} CASCADE;\n"));
}
