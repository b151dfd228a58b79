namespace NtmWorkflow.Web.Data.Migrations;

/// <summary>
/// Marks the current entries a release before <c>IsCurrent</c> leaves in its dossiers, written by the migration
/// CurrentCriterionEntries of both providers (the SQL is common to SQLite and PostgreSQL) before the unique current-key
/// indexes are built: the latest self-assessment of each criterion, and the latest verdict of each criterion at each
/// stage, by id, which is how every read chose them before.
/// </summary>
internal static class CriterionEntryBackfill
{
    public const string Up = """
        UPDATE criterion_entries SET "IsCurrent" = TRUE
        WHERE "Id" IN (
            SELECT r."Id" FROM (
                SELECT e."Id", ROW_NUMBER() OVER (
                    PARTITION BY e."DossierId", e."Number", e."Kind", CASE WHEN e."Kind" = 'review' THEN e."Stage" ELSE '' END
                    ORDER BY e."Id" DESC) AS latest
                FROM criterion_entries e
            ) r
            WHERE r.latest = 1);
        """;
}
