namespace NtmWorkflow.Engine.Criteria;

/// <summary>
/// What picks an indicator's threshold: the unit's region (2021–2025 sets), its commune group (2026–2030 sets) and
/// the dossier's year (thresholds that rise over a period, the poverty standard that changes in 2027).
/// </summary>
public sealed record ThresholdContext(string? Region, string? Group, int Year)
{
    /// <summary>
    /// The context of one claim: the group in force when that criterion was assessed, when it was recorded, so a later
    /// change of the commune's group leaves an earlier assessment alone.
    /// </summary>
    public ThresholdContext For(CriterionClaim claim) => claim.Group is null ? this : this with { Group = claim.Group };
}

/// <summary>What a set's threshold keys name (<c>thresholds-by</c>): the seven regions or the commune groups.</summary>
public enum ThresholdBasis
{
    Region,
    Group,
}
