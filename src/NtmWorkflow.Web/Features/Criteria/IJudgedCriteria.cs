using NtmWorkflow.Web.Features.Units;

namespace NtmWorkflow.Web.Features.Criteria;

/// <summary>What a list of criteria is judged by: its set, and the commune group its thresholds are read with when keyed by group.</summary>
public interface IJudgedCriteria
{
    GetCriteria.CriteriaSetRef CriteriaSet { get; }

    CommuneGroupView? CommuneGroup { get; }
}
