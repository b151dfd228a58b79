using NtmWorkflow.Engine.Criteria;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Domain;

/// <summary>What a dossier's self-assessment and a commune's yearly status both check of a claim before recording it.</summary>
internal static class CriterionClaims
{
    /// <summary>The criterion the claim is about, once each value is known to fit its indicator.</summary>
    /// <exception cref="ProblemException">404 for a number the set does not have; 400 naming the value that does not fit.</exception>
    public static Criterion Check(CriteriaSet criteria, CriterionClaim claim)
    {
        var criterion = criteria.Criteria.FirstOrDefault(c => c.Number == claim.Number)
            ?? throw ProblemException.NotFound($"Bộ tiêu chí '{criteria.Title}' không có tiêu chí số {claim.Number}.");
        foreach (var (code, value) in claim.Values)
        {
            var indicator = criterion.Indicators.FirstOrDefault(i => i.Code == code)
                ?? throw ProblemException.BadRequest($"values.{code}", $"Tiêu chí {criterion.Number} không có chỉ tiêu '{code}'.");
            if (CriteriaEvaluation.TypeProblem(indicator, value) is { } problem)
            {
                throw ProblemException.BadRequest($"values.{code}", problem);
            }
        }
        return criterion;
    }
}
