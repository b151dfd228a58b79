using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Web.Domain;

namespace NtmWorkflow.Web.Data;

/// <summary>
/// One official's share of a sweep batch's digested reminders: how many dossiers of each kind, for the day's digest.
/// <see cref="MailTo"/> is set when the official takes immediate e-mail, which goes with the day's first batch only.
/// </summary>
public sealed record DigestRow(
    string RecipientId, DateOnly Day, string Title, int Before, int Due, int Overdue, int Escalated, bool AwaitsDigest,
    string? MailTo, string? MailBody);

/// <summary>
/// Adds a batch's counts to each official's reminder digest of the day in one upsert: the counts are added by the
/// database, not read and written back, so two servers' sweeps (on PostgreSQL, each with its own locked dossiers) can
/// add to one digest without losing either's share. The e-mail of an official who takes immediate e-mail is queued
/// when the digest is new, before it is written, while "new" is still visible.
/// </summary>
internal static class DigestInsert
{
    private const string SqliteRows = """
        (SELECT json_extract(value, '$.RecipientId') AS "RecipientId", json_extract(value, '$.Day') AS "Day",
                json_extract(value, '$.Title') AS "Title", json_extract(value, '$.Before') AS "Before",
                json_extract(value, '$.Due') AS "Due", json_extract(value, '$.Overdue') AS "Overdue",
                json_extract(value, '$.Escalated') AS "Escalated", json_extract(value, '$.AwaitsDigest') AS "AwaitsDigest",
                json_extract(value, '$.MailTo') AS "MailTo", json_extract(value, '$.MailBody') AS "MailBody"
         FROM json_each({0}))
        """;

    private const string PostgresRows = """
        (SELECT * FROM jsonb_to_recordset({0}::jsonb) AS x("RecipientId" text, "Day" date, "Title" text, "Before" integer,
            "Due" integer, "Overdue" integer, "Escalated" integer, "AwaitsDigest" boolean, "MailTo" text, "MailBody" text))
        """;

    /// <summary>{1} is the time of writing, {2} the pending status, {3} the digest's kind.</summary>
    private const string Emails = """
        INSERT INTO outgoing_emails ("RecipientId", "To", "Subject", "Body", "CreatedAt", "Status", "Attempts", "NextAttemptAt", "Kind")
        SELECT r."RecipientId", r."MailTo", r."Title", r."MailBody", {1}, {2}, 0, {1}, {3}
        FROM ROWS AS r
        WHERE r."MailTo" IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM notifications n
            WHERE n."DossierId" IS NULL AND n."RecipientId" = r."RecipientId" AND n."Day" = r."Day" AND n."Kind" = {3})
        """;

    /// <summary>The conflict target names the digest's partial unique index, its WHERE included.</summary>
    private const string Digests = """
        INSERT INTO notifications ("DossierId", "StageRound", "Stage", "Kind", "RecipientId", "Day", "Title", "Body", "CreatedAt",
                                   "AwaitsDigest", "DigestBefore", "DigestDue", "DigestOverdue", "DigestEscalated")
        SELECT NULL, 0, '', {3}, r."RecipientId", r."Day", r."Title", '', {1}, r."AwaitsDigest", r."Before", r."Due", r."Overdue", r."Escalated"
        FROM ROWS AS r
        WHERE true
        ON CONFLICT ("RecipientId", "Day", "Kind") WHERE "DossierId" IS NULL DO UPDATE SET
            "DigestBefore" = notifications."DigestBefore" + excluded."DigestBefore",
            "DigestDue" = notifications."DigestDue" + excluded."DigestDue",
            "DigestOverdue" = notifications."DigestOverdue" + excluded."DigestOverdue",
            "DigestEscalated" = notifications."DigestEscalated" + excluded."DigestEscalated"
        """;

    /// <summary>Writes the rows in the context's current transaction; returns how many digests were new or grew.</summary>
    public static async Task<int> AddToDigestsAsync(this AppDbContext db, IReadOnlyList<DigestRow> rows, DateTime now, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return 0;
        }
        var table = db.Database.IsNpgsql() ? PostgresRows : SqliteRows;
        object[] arguments = [JsonSerializer.Serialize(rows), now, EmailStatuses.Pending, NotificationKinds.ReminderDigest];
        if (rows.Any(r => r.MailTo is not null))
        {
            await db.Database.ExecuteSqlRawAsync(Emails.Replace("ROWS", table), arguments, cancellationToken);
        }
        return await db.Database.ExecuteSqlRawAsync(Digests.Replace("ROWS", table), arguments, cancellationToken);
    }
}
