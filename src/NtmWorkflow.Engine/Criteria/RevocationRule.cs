namespace NtmWorkflow.Engine.Criteria;

/// <summary>What a fresh assessment of a recognised unit says about revoking its recognition.</summary>
public sealed record RevocationAssessment(
    int Assessed,
    int Total,
    IReadOnlyList<Criterion> Failing,
    decimal FailingPercent,
    IReadOnlyList<Criterion> KeyFailing,
    bool RuleMet,
    string Reason);

/// <summary>
/// The revocation rule of Decision 18/2022 as the spec states it: recognition is lost when 50 % or more of the
/// criteria fail, or when 30 % to under 50 % fail including at least one key criterion (income, environment,
/// living environment, security…, marked <c>key: true</c> in the set).
/// </summary>
public static class RevocationRule
{
    public const decimal AlwaysPercent = 50;
    public const decimal WithKeyPercent = 30;

    public static RevocationAssessment Assess(CriteriaSet set, IReadOnlyList<Criterion> failing, int assessed)
    {
        var total = set.Criteria.Count;
        var percent = total == 0 ? 0 : Math.Round(failing.Count * 100m / total, 1);
        var keyFailing = failing.Where(c => c.Key).ToList();
        var (met, reason) = percent switch
        {
            >= AlwaysPercent => (true, $"{failing.Count}/{total} tiêu chí ({percent}%) không đạt: từ {AlwaysPercent}% trở lên."),
            >= WithKeyPercent when keyFailing.Count > 0 => (true,
                $"{failing.Count}/{total} tiêu chí ({percent}%) không đạt, trong đó có tiêu chí {string.Join(", ", keyFailing.Select(c => $"{c.Number}. {c.Name}"))}."),
            >= WithKeyPercent => (false,
                $"{failing.Count}/{total} tiêu chí ({percent}%) không đạt nhưng không có tiêu chí trọng yếu nào: chưa đủ điều kiện thu hồi."),
            _ => (false, $"{failing.Count}/{total} tiêu chí ({percent}%) không đạt, dưới {WithKeyPercent}%: chưa đủ điều kiện thu hồi."),
        };
        return new RevocationAssessment(assessed, total, failing, percent, keyFailing, met, reason);
    }
}
