using System.Text.Json;
using NtmWorkflow.Engine.Criteria;

namespace NtmWorkflow.Web.Domain;

/// <summary>
/// One judgement of one criterion, appended and never overwritten: the commune's self-assessment (met or not, with
/// indicator values) or a reviewer's verdict at a tier. The latest self-assessment of a criterion, and the latest verdict
/// of a criterion at each review stage (tier), carry <see cref="IsCurrent"/>: reads find the current state by key instead of
/// rebuilding it from a history that grows with every edit.
/// </summary>
public sealed class CriterionEntry
{
    public const string SelfAssessment = "self-assessment";
    public const string Review = "review";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private CriterionEntry()
    {
    }

    internal CriterionEntry(Guid dossierId, int number, string kind, string stage, bool verdict,
        IReadOnlyDictionary<string, IndicatorValue> values, string? note, Actor actor, string role, DateTime at, string? communeGroup = null)
    {
        CommuneGroup = communeGroup;
        DossierId = dossierId;
        Number = number;
        Kind = kind;
        Stage = stage;
        Verdict = verdict;
        ValuesJson = JsonSerializer.Serialize(values, Json);
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        ActorUserName = actor.UserName;
        Role = role;
        At = at;
        IsCurrent = true;
    }

    public long Id { get; private set; }

    public Guid DossierId { get; private set; }

    public int Number { get; private set; }

    public string Kind { get; private set; } = "";

    /// <summary>The stage the judgement was made in (self-assessment, commune-supplement, district-review…).</summary>
    public string Stage { get; private set; } = "";

    /// <summary>Met (self-assessment) or agreed (review).</summary>
    public bool Verdict { get; private set; }

    public string ValuesJson { get; private set; } = "{}";

    public string? Note { get; private set; }

    public string ActorUserName { get; private set; } = "";

    public string Role { get; private set; } = "";

    public DateTime At { get; private set; }

    /// <summary>
    /// On a self-assessment: the commune group (nhóm xã) in force for the commune on the day it was recorded, kept so
    /// that a later change of group leaves the judgement as it was made; null when the commune had none.
    /// </summary>
    public string? CommuneGroup { get; private set; }

    /// <summary>Whether this is the latest entry of its kind for its criterion (and, for a verdict, its stage).</summary>
    public bool IsCurrent { get; private set; }

    public IReadOnlyDictionary<string, IndicatorValue> Values() =>
        JsonSerializer.Deserialize<Dictionary<string, IndicatorValue>>(ValuesJson, Json) ?? [];

    public CriterionClaim ToClaim() => new(Number, Verdict, Values(), CommuneGroup);
}
