using System.Text.Json;
using NtmWorkflow.Engine.Criteria;

namespace NtmWorkflow.Web.Domain;

/// <summary>
/// One record of whether a commune met one criterion in one year, with or without a dossier: kept per year and never
/// overwritten, so the history of a commune's criteria stays readable. The latest record of a (commune, year,
/// criterion) is the current one and carries <see cref="IsCurrent"/>, so that a report reads the current state by key
/// instead of rebuilding it from the history. A commune officer's record waits for the province's confirmation; a
/// dossier's self-assessment counts as the status of the dossier's year.
/// </summary>
public sealed class CriterionStatus
{
    public const string FromCommune = "commune";
    public const string FromDossier = "dossier";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private CriterionStatus()
    {
    }

    public CriterionStatus(AdministrativeUnit unit, int year, string criteriaSetId, int number, bool met,
        IReadOnlyDictionary<string, IndicatorValue> values, string? note, string? communeGroup, string source, Guid? dossierId,
        string recordedBy, DateTime recordedAt)
    {
        UnitCode = unit.Code;
        UnitPath = unit.Path;
        Year = year;
        CriteriaSetId = criteriaSetId;
        Number = number;
        Met = met;
        ValuesJson = JsonSerializer.Serialize(values, Json);
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        CommuneGroup = communeGroup;
        Source = source;
        DossierId = dossierId;
        RecordedBy = recordedBy;
        RecordedAt = recordedAt;
        IsCurrent = true;
    }

    public long Id { get; private set; }

    public string UnitCode { get; private set; } = "";

    /// <summary>The commune's path when recorded, moved with the commune when units are reorganised.</summary>
    public string UnitPath { get; private set; } = "";

    public int Year { get; private set; }

    /// <summary>The criteria set of the year's period (the NTM set for communes) the criterion belongs to.</summary>
    public string CriteriaSetId { get; private set; } = "";

    public int Number { get; private set; }

    public bool Met { get; private set; }

    public string ValuesJson { get; private set; } = "{}";

    public string? Note { get; private set; }

    /// <summary>The commune group in force when recorded (2026–2030 thresholds depend on it); null when none.</summary>
    public string? CommuneGroup { get; private set; }

    /// <summary><see cref="FromCommune"/> (the yearly status form) or <see cref="FromDossier"/> (a self-assessment).</summary>
    public string Source { get; private set; } = "";

    public Guid? DossierId { get; private set; }

    public string RecordedBy { get; private set; } = "";

    public DateTime RecordedAt { get; private set; }

    public string? ConfirmedBy { get; private set; }

    public DateTime? ConfirmedAt { get; private set; }

    /// <summary>Whether this is the latest record of its commune, year and criterion.</summary>
    public bool IsCurrent { get; private set; }

    public bool Confirmed => ConfirmedAt is not null;

    public IReadOnlyDictionary<string, IndicatorValue> Values() =>
        JsonSerializer.Deserialize<Dictionary<string, IndicatorValue>>(ValuesJson, Json) ?? [];

    /// <summary>The record as a claim, judged by the group it was recorded under.</summary>
    public CriterionClaim ToClaim() => new(Number, Met, Values(), CommuneGroup);

    /// <summary>Called on the record a newer one replaces, in the same transaction as the newer one's insert.</summary>
    public void Supersede() => IsCurrent = false;

    public void Confirm(string confirmedBy, DateTime at) => (ConfirmedBy, ConfirmedAt) = (confirmedBy, at);
}
