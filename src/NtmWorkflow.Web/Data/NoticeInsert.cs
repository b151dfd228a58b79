using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Web.Domain;

namespace NtmWorkflow.Web.Data;

/// <summary>
/// One notice for one recipient, as the reminder sweep plans it: <see cref="MailTo"/> is set when an e-mail goes out
/// with it now (the recipient takes immediate e-mail), <see cref="AwaitsDigest"/> when it waits for the daily digest.
/// </summary>
public sealed record NoticeRow(
    Guid DossierId, int StageRound, string Stage, string Kind, string RecipientId, DateOnly Day, string Title, string Body,
    bool AwaitsDigest, string? MailTo, string? MailBody);

/// <summary>
/// Writes a batch of planned notices, and the e-mails that go with them, in two set-based statements: the rows travel
/// as one JSON parameter read by <c>json_each</c> (SQLite) or <c>jsonb_to_recordset</c> (PostgreSQL). Row-by-row
/// inserts cost the sweep a statement per ten notices, each with its parameters bound one by one; one statement per
/// batch lets the database do the work. A notice whose natural key is already taken is skipped by the unique index
/// (ON CONFLICT DO NOTHING), so a sweep run twice, or by two servers, still writes each notice once; its e-mail is
/// written only when the notice is new, before the notice, while "new" is still visible.
/// </summary>
internal static class NoticeInsert
{
    /// <summary>The JSON rows as a table; {0} is the JSON. SQLite keeps a Guid as upper-case text, as EF writes it.</summary>
    private const string SqliteRows = """
        (SELECT upper(json_extract(value, '$.DossierId')) AS "DossierId", json_extract(value, '$.StageRound') AS "StageRound",
                json_extract(value, '$.Stage') AS "Stage", json_extract(value, '$.Kind') AS "Kind",
                json_extract(value, '$.RecipientId') AS "RecipientId", json_extract(value, '$.Day') AS "Day",
                json_extract(value, '$.Title') AS "Title", json_extract(value, '$.Body') AS "Body",
                json_extract(value, '$.AwaitsDigest') AS "AwaitsDigest", json_extract(value, '$.MailTo') AS "MailTo",
                json_extract(value, '$.MailBody') AS "MailBody"
         FROM json_each({0}))
        """;

    private const string PostgresRows = """
        (SELECT * FROM jsonb_to_recordset({0}::jsonb) AS x("DossierId" uuid, "StageRound" integer, "Stage" text, "Kind" text,
            "RecipientId" text, "Day" date, "Title" text, "Body" text, "AwaitsDigest" boolean, "MailTo" text, "MailBody" text))
        """;

    /// <summary>{1} is the time of writing, {2} the pending status.</summary>
    private const string Emails = """
        INSERT INTO outgoing_emails ("RecipientId", "To", "Subject", "Body", "CreatedAt", "Status", "Attempts", "NextAttemptAt",
                                     "DossierId", "StageRound", "Kind")
        SELECT r."RecipientId", r."MailTo", r."Title", r."MailBody", {1}, {2}, 0, {1}, r."DossierId", r."StageRound", r."Kind"
        FROM ROWS AS r
        WHERE r."MailTo" IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM notifications n
            WHERE n."DossierId" = r."DossierId" AND n."StageRound" = r."StageRound" AND n."Kind" = r."Kind"
              AND n."RecipientId" = r."RecipientId" AND n."Day" = r."Day")
        """;

    /// <summary>SQLite needs the WHERE to tell the upsert's ON CONFLICT from a join's ON. A dossier's notice counts nothing.</summary>
    private const string Notices = """
        INSERT INTO notifications ("DossierId", "StageRound", "Stage", "Kind", "RecipientId", "Day", "Title", "Body",
                                   "CreatedAt", "AwaitsDigest", "DigestBefore", "DigestDue", "DigestOverdue", "DigestEscalated")
        SELECT r."DossierId", r."StageRound", r."Stage", r."Kind", r."RecipientId", r."Day", r."Title", r."Body", {1}, r."AwaitsDigest",
               0, 0, 0, 0
        FROM ROWS AS r
        WHERE true
        ON CONFLICT DO NOTHING
        """;

    /// <summary>Writes the rows in the context's current transaction; returns how many notices were new.</summary>
    public static async Task<int> InsertNoticesAsync(this AppDbContext db, IReadOnlyList<NoticeRow> rows, DateTime now, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return 0;
        }
        var table = db.Database.IsNpgsql() ? PostgresRows : SqliteRows;
        object[] arguments = [JsonSerializer.Serialize(rows), now, EmailStatuses.Pending];
        if (rows.Any(r => r.MailTo is not null))
        {
            await db.Database.ExecuteSqlRawAsync(Emails.Replace("ROWS", table), arguments, cancellationToken);
        }
        return await db.Database.ExecuteSqlRawAsync(Notices.Replace("ROWS", table), arguments, cancellationToken);
    }
}
