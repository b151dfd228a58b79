namespace NtmWorkflow.Web.Data.Migrations;

/// <summary>
/// The statuses a release before the yearly criteria status leaves in its dossiers, written by the migration
/// BackfillCriterionStatuses of both providers (the SQL is common to SQLite and PostgreSQL). For each commune and year,
/// the latest NTM dossier with a self-assessment gives each criterion's latest self-assessed entry as that year's
/// current status, unconfirmed, with source "dossier". An NTM dossier of a commune is judged by the set its year's
/// period names (the periods file is checked so at start-up). Met is the commune's declaration: SQL cannot judge the
/// indicator values against their thresholds, which every status recorded from then on is.
/// </summary>
internal static class CriterionStatusBackfill
{
    public const string Up = """
        INSERT INTO criterion_statuses ("UnitCode", "UnitPath", "Year", "CriteriaSetId", "Number", "Met", "ValuesJson", "Note",
            "CommuneGroup", "Source", "DossierId", "RecordedBy", "RecordedAt", "IsCurrent")
        SELECT s."UnitCode", s."UnitPath", s."Year", s."CriteriaSetId", s."Number", s."Verdict", s."ValuesJson", s."Note",
            s."CommuneGroup", 'dossier', s."DossierId", s."ActorUserName", s."At", TRUE
        FROM (
            SELECT d."UnitCode", d."UnitPath", d."Year", d."CriteriaSetId", e."Number", e."Verdict", e."ValuesJson", e."Note",
                e."CommuneGroup", e."DossierId", e."ActorUserName", e."At",
                ROW_NUMBER() OVER (PARTITION BY e."DossierId", e."Number" ORDER BY e."Id" DESC) AS latest_entry,
                DENSE_RANK() OVER (PARTITION BY d."UnitCode", d."Year" ORDER BY d."CreatedAt" DESC, d."Id" DESC) AS latest_dossier
            FROM criterion_entries e
            JOIN dossiers d ON d."Id" = e."DossierId"
            JOIN units u ON u."Code" = d."UnitCode"
            WHERE e."Kind" = 'self-assessment' AND d."Level" = 'ntm' AND u."Kind" = 'xa'
        ) s
        WHERE s.latest_entry = 1 AND s.latest_dossier = 1
            AND NOT EXISTS (SELECT 1 FROM criterion_statuses c
                            WHERE c."UnitCode" = s."UnitCode" AND c."Year" = s."Year" AND c."Number" = s."Number");
        """;

    /// <summary>Back down, the statuses taken from dossiers go; those recorded on the yearly form stay.</summary>
    public const string Down = """DELETE FROM criterion_statuses WHERE "Source" = 'dossier';""";
}
