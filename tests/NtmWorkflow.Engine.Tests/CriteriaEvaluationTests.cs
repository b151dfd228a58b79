using NtmWorkflow.Engine.Criteria;
using NtmWorkflow.Engine.Transitions;

namespace NtmWorkflow.Engine.Tests;

public sealed class CriteriaEvaluationTests
{
    private static readonly CriteriaSet Ntm = Shipped.Criteria.Find("commune-ntm-2021")!;
    private static readonly CriteriaSet Model = Shipped.Criteria.Find("commune-ntm-kieu-mau-2021")!;
    private static readonly RecognitionConditions Passing = new(95, 0, true, 12, 1, "Du lịch");
    private static readonly ThresholdContext Nowhere = new(null, null, 2024);

    private static ThresholdContext In(string region) => new(region, null, 2024);

    private static Dictionary<int, CriterionClaim> AllMet(CriteriaSet set) =>
        set.Criteria.ToDictionary(c => c.Number, c => new CriterionClaim(c.Number, true, new Dictionary<string, IndicatorValue>()));

    [Fact]
    public void Unmet_WhenEveryCriterionIsDeclaredMet_IsEmpty() =>
        Assert.Empty(CriteriaEvaluation.Unmet(Ntm, AllMet(Ntm), In("dong-bang-song-cuu-long")));

    public static TheoryData<int> EveryCriterion() => new(Enumerable.Range(1, 19));

    [Theory]
    [MemberData(nameof(EveryCriterion))]
    public void Unmet_WhenOneCriterionIsDeclaredNotMet_IsExactlyThatOne(int number)
    {
        var claims = AllMet(Ntm);
        claims[number] = claims[number] with { Met = false };
        Assert.Equal(number, Assert.Single(CriteriaEvaluation.Unmet(Ntm, claims, Nowhere)).Number);
    }

    [Theory]
    [MemberData(nameof(EveryCriterion))]
    public void Unmet_WhenOneCriterionIsNotAssessed_IsExactlyThatOne(int number)
    {
        var claims = AllMet(Ntm);
        claims.Remove(number);
        Assert.Equal(number, Assert.Single(CriteriaEvaluation.Unmet(Ntm, claims, Nowhere)).Number);
    }

    [Theory]
    [InlineData("dong-bang-song-cuu-long", 75, true)]
    [InlineData("dong-bang-song-cuu-long", 80, false)]
    [InlineData("tay-nguyen", 75, false)]
    [InlineData("tay-nguyen", 69, true)]
    public void Unmet_WhenAValueContradictsAMetDeclaration_CountsTheCriterionAsNotMet(string region, decimal schools, bool unmet)
    {
        var claims = AllMet(Ntm);
        claims[5] = claims[5] with { Values = new Dictionary<string, IndicatorValue> { ["5.1"] = new(null, schools) } };
        Assert.Equal(unmet, CriteriaEvaluation.Unmet(Ntm, claims, In(region)).Any(c => c.Number == 5));
    }

    [Theory]
    [InlineData(IndicatorKind.YesNo, true, null, true)]
    [InlineData(IndicatorKind.YesNo, false, null, false)]
    [InlineData(IndicatorKind.AtLeast, null, 80.0, true)]
    [InlineData(IndicatorKind.AtLeast, null, 79.9, false)]
    [InlineData(IndicatorKind.AtMost, null, 80.0, true)]
    [InlineData(IndicatorKind.AtMost, null, 80.1, false)]
    public void Meets_ComparesWithTheThresholdByKind(IndicatorKind kind, bool? flag, double? number, bool meets)
    {
        var indicator = new Indicator("x", "x", "%", kind, kind == IndicatorKind.YesNo ? null : new Threshold(80, new Dictionary<string, decimal>()));
        Assert.Equal(meets, CriteriaEvaluation.Meets(indicator, new IndicatorValue(flag, (decimal?)number), Nowhere));
    }

    [Theory]
    [InlineData(IndicatorKind.YesNo, null, 1.0, "true hoặc false")]
    [InlineData(IndicatorKind.AtLeast, true, null, "một số")]
    [InlineData(IndicatorKind.AtLeast, null, -1.0, "âm")]
    [InlineData(IndicatorKind.AtMost, null, 101.0, "100")]
    public void TypeProblem_WhenTheValueDoesNotFitTheIndicator_SaysWhy(IndicatorKind kind, bool? flag, double? number, string mentions)
    {
        var indicator = new Indicator("2.1", "x", "%", kind, new Threshold(80, new Dictionary<string, decimal>()));
        Assert.Contains(mentions, CriteriaEvaluation.TypeProblem(indicator, new IndicatorValue(flag, (decimal?)number)));
    }

    [Fact]
    public void TypeProblem_WhenTheValueFits_IsNull() =>
        Assert.Null(CriteriaEvaluation.TypeProblem(Ntm.Criteria[1].Indicators[0], new IndicatorValue(null, 100)));

    [Fact]
    public void FailingConditions_WhenAllHold_IsEmpty()
    {
        Assert.Empty(CriteriaEvaluation.FailingConditions(Ntm.Conditions, Passing));
        Assert.Empty(CriteriaEvaluation.FailingConditions(Model.Conditions, Passing));
    }

    public static TheoryData<string, RecognitionConditions, string> EachFailingCondition() => new()
    {
        { "commune-ntm-2021", Passing with { SatisfactionPercent = 89.9m }, "hài lòng" },
        { "commune-ntm-2021", Passing with { SatisfactionPercent = null }, "hài lòng" },
        { "commune-ntm-2021", Passing with { ConstructionDebtVnd = 1_000_000 }, "nợ đọng" },
        { "commune-ntm-2021", Passing with { ConstructionDebtVnd = null }, "nợ đọng" },
        { "commune-ntm-2021", Passing with { SecurityStable = false }, "an ninh" },
        { "commune-ntm-2021", Passing with { SecurityStable = null }, "an ninh" },
        { "commune-ntm-kieu-mau-2021", Passing with { IncomeAboveNangCaoPercent = 9 }, "Thu nhập" },
        { "commune-ntm-kieu-mau-2021", Passing with { SmartHamlets = 0 }, "thôn thông minh" },
        { "commune-ntm-kieu-mau-2021", Passing with { StandoutField = " " }, "nổi trội" },
    };

    [Theory]
    [MemberData(nameof(EachFailingCondition))]
    public void FailingConditions_WhenOneFails_NamesExactlyIt(string setId, RecognitionConditions conditions, string mentions) =>
        Assert.Contains(mentions, Assert.Single(CriteriaEvaluation.FailingConditions(Shipped.Criteria.Find(setId)!.Conditions, conditions)));

    [Fact]
    public void FailingConditions_ForAnNtmCommune_IgnoreTheModelConditions() =>
        Assert.Empty(CriteriaEvaluation.FailingConditions(Ntm.Conditions, Passing with { SmartHamlets = 0, StandoutField = null }));

    [Theory]
    [InlineData("self-assessment", "open-public-comment")]
    [InlineData("commune-public-comment", "submit-to-district")]
    [InlineData("commune-supplement", "resubmit")]
    public void Evaluate_WhenACheckedActionMeetsUnmetCriteria_RefusesListingThemByNumberAndName(string stage, string action)
    {
        var definition = Shipped.Definition("commune-ntm");
        var unmet = new[] { Ntm.Criteria[12], Ntm.Criteria[17] };
        var input = new ActionInput(null, new Vote(10, 10, 10), null, null);

        var outcome = WorkflowEngine.Evaluate(definition, stage, action, [Roles.CommuneOfficer], input, new GateFacts(unmet, [], []));

        Assert.Equal(Refusal.RuleNotMet, outcome.Refusal);
        Assert.Contains("13. Tổ chức sản xuất và phát triển kinh tế nông thôn", outcome.Message);
        Assert.Contains("18. Hệ thống chính trị và tiếp cận pháp luật", outcome.Message);
        Assert.Equal([13, 18], outcome.Blocking.Select(c => c.Number));
    }

    [Fact]
    public void Evaluate_WhenAConditionFails_RefusesSayingWhich()
    {
        var outcome = WorkflowEngine.Evaluate(Shipped.Definition("commune-ntm"), "self-assessment", "open-public-comment",
            [Roles.CommuneOfficer], ActionInput.None, new GateFacts([], ["Tình hình an ninh, trật tự phải không phức tạp."], []));
        Assert.Contains("an ninh", outcome.Message);
        Assert.Empty(outcome.Blocking);
    }

    [Fact]
    public void Evaluate_WhenTheActionHasNoChecks_IgnoresTheFacts()
    {
        var outcome = WorkflowEngine.Evaluate(Shipped.Definition("commune-ntm"), "district-review", "approve",
            [Roles.DistrictReviewer], ActionInput.None, Shipped.Passing with { Unmet = Ntm.Criteria, FailingConditions = ["x"] });
        Assert.True(outcome.Allowed);
    }

    [Theory]
    [InlineData("commune-ntm", "district-review", "approve", Roles.DistrictReviewer)]
    [InlineData("commune-ntm", "provincial-appraisal", "send-to-council", Roles.ProvinceAppraiser)]
    [InlineData("commune-ntm-two-tier", "provincial-appraisal", "send-to-council", Roles.ProvinceAppraiser)]
    public void Evaluate_WhenTheReviewerDisputesACriterion_RefusesApproval(string id, string stage, string action, string role)
    {
        var outcome = WorkflowEngine.Evaluate(Shipped.Definition(id), stage, action, [role], ActionInput.None,
            new GateFacts([], [], [Ntm.Criteria[9]]));
        Assert.Equal(Refusal.RuleNotMet, outcome.Refusal);
        Assert.Contains("10. Thu nhập", outcome.Message);
        Assert.Equal(10, Assert.Single(outcome.Blocking).Number);
    }
}
