using System.Text.Json;
using NtmWorkflow.Engine.Criteria;

namespace NtmWorkflow.Engine.Tests;

/// <summary>Which threshold applies: by region, by commune group, by year, and a claim's own group.</summary>
public sealed class ThresholdTests
{
    private static readonly string GroupSet = CriteriaText.Set("thresholds-by: group\ngroups: [nhom-1, nhom-2, nhom-3]", """
          - number: 1
            name: Giảm nghèo
            indicators:
              - code: "1.1"
                name: Tỷ lệ nghèo đa chiều
                unit: "%"
                kind: at-most
                threshold:
                  by-year:
                    2026: { default: 4, nhom-1: 2, nhom-3: 13 }
                    2028: 3
                    2030: { default: 2, nhom-3: 10 }
                standard:
                  2026: Chuẩn 2022–2025
                  2027: Chuẩn 2026–2030
              - { code: "1.5", name: Thu nhập, unit: triệu đồng, kind: at-least, threshold: { default: 60, nhom-3: 45 } }
          - number: 2
            name: Quy hoạch
            indicators:
              - { code: "2.1", name: Có quy hoạch, kind: yes-no, provisional: true, note: Giữ chỗ }
        """);

    private static readonly string RegionSet = CriteriaText.Set("regions: [trung-du-mien-nui-phia-bac, tay-nguyen]", """
          - number: 1
            name: Thu nhập
            indicators:
              - code: "1.1"
                name: Thu nhập bình quân
                kind: at-least
                threshold:
                  by-year:
                    2021: { default: 48, trung-du-mien-nui-phia-bac: 42 }
                    2022: 50
                    2025: { default: 60 }
              - { code: "1.2", name: Lao động qua đào tạo, unit: "%", kind: at-least, threshold: { default: 70, tay-nguyen: 60 } }
        """);

    private static readonly CriteriaSet Groups = CriteriaParser.Parse(GroupSet, "nhom.yaml");
    private static readonly CriteriaSet Regions = CriteriaParser.Parse(RegionSet, "vung.yaml");
    private static readonly Indicator Poverty = Groups.Criteria[0].Indicators[0];
    private static readonly Indicator Income = Groups.Criteria[0].Indicators[1];
    private static readonly Indicator RisingIncome = Regions.Criteria[0].Indicators[0];
    private static readonly Indicator Trained = Regions.Criteria[0].Indicators[1];

    private static ThresholdContext Group(string? group, int year = 2026) => new("dong-bang-song-cuu-long", group, year);

    private static ThresholdContext Region(string? region, int year = 2024) => new(region, null, year);

    [Theory]
    [InlineData("tay-nguyen", 60)]
    [InlineData("trung-du-mien-nui-phia-bac", 70)]
    [InlineData("dong-bang-song-cuu-long", 70)]
    [InlineData(null, 70)]
    public void ByRegion_TheRegionsValue_ElseTheDefault(string? region, decimal expected) =>
        Assert.Equal(expected, Trained.Threshold!.For(Region(region)));

    [Fact]
    public void ByRegion_IgnoresTheGroup() =>
        Assert.Equal(70, Trained.Threshold!.For(new ThresholdContext(null, "tay-nguyen", 2024)));

    [Theory]
    [InlineData("nhom-3", 45)]
    [InlineData("nhom-1", 60)]
    [InlineData("nhom-2", 60)]
    [InlineData("nhom-9", 60)]
    public void ByGroup_TheGroupsValue_ElseTheDefault(string group, decimal expected) =>
        Assert.Equal(expected, Income.Threshold!.For(Group(group)));

    [Fact]
    public void ByGroup_IgnoresTheRegion() =>
        Assert.Equal(60, Income.Threshold!.For(new ThresholdContext("nhom-3", "nhom-2", 2026)));

    [Theory]
    [InlineData(2015, null, 48)]
    [InlineData(2020, "trung-du-mien-nui-phia-bac", 42)]
    [InlineData(2021, null, 48)]
    [InlineData(2021, "trung-du-mien-nui-phia-bac", 42)]
    [InlineData(2022, "trung-du-mien-nui-phia-bac", 50)]
    [InlineData(2022, null, 50)]
    [InlineData(2024, "tay-nguyen", 50)]
    [InlineData(2025, null, 60)]
    [InlineData(2025, "trung-du-mien-nui-phia-bac", 60)]
    [InlineData(2031, null, 60)]
    public void ByYear_TheLatestEntryNotAfterTheYear_AndTheFirstBeforeIt(int year, string? region, decimal expected) =>
        Assert.Equal(expected, RisingIncome.Threshold!.For(Region(region, year)));

    [Theory]
    [InlineData(2025, "nhom-3", 13)]
    [InlineData(2026, "nhom-1", 2)]
    [InlineData(2026, "nhom-2", 4)]
    [InlineData(2026, "nhom-3", 13)]
    [InlineData(2027, "nhom-3", 13)]
    [InlineData(2028, "nhom-1", 3)]
    [InlineData(2028, "nhom-3", 3)]
    [InlineData(2029, "nhom-2", 3)]
    [InlineData(2030, "nhom-1", 2)]
    [InlineData(2030, "nhom-3", 10)]
    [InlineData(2035, "nhom-3", 10)]
    public void ByGroupAndYear_TheYearsEntry_ThenTheGroup(int year, string group, decimal expected) =>
        Assert.Equal(expected, Poverty.Threshold!.For(Group(group, year)));

    [Fact]
    public void ByYear_KeepsEveryEntry_AndItsFirstAsTheDefault()
    {
        var threshold = RisingIncome.Threshold!;
        Assert.Equal([2021, 2022, 2025], threshold.ByYear!.Select(s => s.FromYear));
        Assert.Equal(48, threshold.Default);
        Assert.Equal(42, threshold.ByKey["trung-du-mien-nui-phia-bac"]);
        Assert.Null(Trained.Threshold!.ByYear);
    }

    [Theory]
    [InlineData(IndicatorKind.AtMost, 13.0, true)]
    [InlineData(IndicatorKind.AtMost, 13.01, false)]
    [InlineData(IndicatorKind.AtMost, 0.0, true)]
    [InlineData(IndicatorKind.AtLeast, 13.0, true)]
    [InlineData(IndicatorKind.AtLeast, 12.99, false)]
    public void Meets_ExactlyAtTheGroupsThreshold_Meets(IndicatorKind kind, double value, bool meets)
    {
        var indicator = Poverty with { Kind = kind };
        Assert.Equal(meets, CriteriaEvaluation.Meets(indicator, new IndicatorValue(null, (decimal)value), Group("nhom-3")));
    }

    [Theory]
    [InlineData(2021, 48.0, true)]
    [InlineData(2021, 47.9, false)]
    [InlineData(2022, 49.9, false)]
    [InlineData(2022, 50.0, true)]
    [InlineData(2025, 59.9, false)]
    [InlineData(2025, 60.0, true)]
    public void Meets_ExactlyAtTheYearsThreshold_Meets(int year, double value, bool meets) =>
        Assert.Equal(meets, CriteriaEvaluation.Meets(RisingIncome, new IndicatorValue(null, (decimal)value), Region("tay-nguyen", year)));

    [Fact]
    public void NeedsGroup_OnlyForASetKeyedByGroup()
    {
        Assert.True(Groups.NeedsGroup);
        Assert.Equal(ThresholdBasis.Group, Groups.ThresholdsBy);
        Assert.Equal(["nhom-1", "nhom-2", "nhom-3"], Groups.Groups);
        Assert.Empty(Groups.Regions);
        CriteriaText.AssertKeyedByRegion(Regions);
    }

    [Fact]
    public void ByGroup_WithoutAGroup_IsAProgrammingError_NotTheDefault()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Income.Threshold!.For(Group(null)));
        Assert.Contains("NeedsGroup", error.Message);
        Assert.Throws<InvalidOperationException>(() => CriteriaEvaluation.Meets(Income, new IndicatorValue(null, 70), Group(null)));
    }

    [Fact]
    public void Unmet_OnAGroupSetWithoutAGroup_ThrowsOnceANumberIsJudged()
    {
        var claims = new Dictionary<int, CriterionClaim>
        {
            [1] = new(1, true, new Dictionary<string, IndicatorValue> { ["1.1"] = new(null, 1) }),
            [2] = new(2, true, new Dictionary<string, IndicatorValue> { ["2.1"] = new(true, null) }),
        };
        Assert.Throws<InvalidOperationException>(() => CriteriaEvaluation.Unmet(Groups, claims, Group(null)));
        Assert.Empty(CriteriaEvaluation.Unmet(Groups, claims, Group("nhom-2")));
    }

    [Fact]
    public void Unmet_AClaimsOwnGroup_JudgesThatClaim_EvenWithoutAGroupInTheContext()
    {
        // 10 % poverty: within nhom-3's 13 %, above the default's 4 %.
        var values = new Dictionary<string, IndicatorValue> { ["1.1"] = new(null, 10) };
        var assessedAsGroup3 = new Dictionary<int, CriterionClaim> { [1] = new(1, true, values, Group: "nhom-3") };
        var assessedWithoutGroup = new Dictionary<int, CriterionClaim> { [1] = new(1, true, values) };

        Assert.DoesNotContain(Groups.Criteria[0], CriteriaEvaluation.Unmet(Groups, assessedAsGroup3, Group("nhom-2")));
        Assert.DoesNotContain(Groups.Criteria[0], CriteriaEvaluation.Unmet(Groups, assessedAsGroup3, Group(null)));
        Assert.Contains(Groups.Criteria[0], CriteriaEvaluation.Unmet(Groups, assessedWithoutGroup, Group("nhom-2")));
        Assert.DoesNotContain(Groups.Criteria[0], CriteriaEvaluation.Unmet(Groups, assessedWithoutGroup, Group("nhom-3")));
    }

    [Fact]
    public void Unmet_AGroupChangeAfterTheAssessment_LeavesTheEarlierClaimAlone()
    {
        // Assessed as nhom-1 (2 %) with 3 %: not met; the commune moving to nhom-3 later does not make it met.
        var claims = new Dictionary<int, CriterionClaim>
        {
            [1] = new(1, true, new Dictionary<string, IndicatorValue> { ["1.1"] = new(null, 3) }, Group: "nhom-1"),
        };
        Assert.Contains(Groups.Criteria[0], CriteriaEvaluation.Unmet(Groups, claims, Group("nhom-3")));
    }

    [Fact]
    public void ContextFor_AClaimWithoutGroup_IsTheContextItself()
    {
        var context = Group("nhom-2");
        Assert.Same(context, context.For(new CriterionClaim(1, true, new Dictionary<string, IndicatorValue>())));
        Assert.Equal(Group("nhom-1"), context.For(new CriterionClaim(1, true, new Dictionary<string, IndicatorValue>(), "nhom-1")));
    }

    [Theory]
    [InlineData(2020, "Chuẩn 2022–2025")]
    [InlineData(2026, "Chuẩn 2022–2025")]
    [InlineData(2027, "Chuẩn 2026–2030")]
    [InlineData(2030, "Chuẩn 2026–2030")]
    public void StandardFor_TheStandardInForceThatYear(int year, string expected) =>
        Assert.Equal(expected, Poverty.StandardFor(year));

    [Fact]
    public void StandardFor_AnIndicatorWithoutOne_IsNull() => Assert.Null(Income.StandardFor(2026));

    [Fact]
    public void Provisional_IsReadWithItsNote_AndDefaultsToFalse()
    {
        var placeholder = Groups.Criteria[1].Indicators[0];
        Assert.True(placeholder.Provisional);
        Assert.Equal("Giữ chỗ", placeholder.Note);
        Assert.False(Income.Provisional);
        Assert.Null(Income.Note);
        Assert.False(Groups.Provisional);
    }

    [Fact]
    public void StoredJson_RoundTrips_WithGroupsYearsAndStandards()
    {
        var json = JsonSerializer.Serialize(Groups, Web);
        var back = JsonSerializer.Deserialize<CriteriaSet>(json, Web)!;

        Assert.True(back.NeedsGroup);
        Assert.Equal(Groups.Groups, back.Groups);
        var poverty = back.Criteria[0].Indicators[0];
        Assert.Equal(10, poverty.Threshold!.For(Group("nhom-3", 2030)));
        Assert.Equal("Chuẩn 2026–2030", poverty.StandardFor(2027));
        Assert.True(back.Criteria[1].Indicators[0].Provisional);
    }

    /// <summary>What a database holds for a dossier pinned before groups and years existed: read as keyed by region.</summary>
    [Fact]
    public void StoredJson_FromBeforeGroupsAndYears_ReadsAsKeyedByRegion()
    {
        const string stored = """
            {"id":"commune-ntm-2021","version":1,"title":"t","legalBasis":null,"subject":"commune","level":"ntm",
             "regions":["tay-nguyen"],"criteriaFrom":null,
             "criteria":[{"number":1,"name":"Trường học","key":false,"line":3,"indicators":[
               {"code":"5.1","name":"n","unit":"%","kind":1,"threshold":{"default":80,"byRegion":{"tay-nguyen":70}}}]}],
             "conditions":{"minSatisfactionPercent":90,"model":null},"contentHash":"h","source":"s"}
            """;
        var set = JsonSerializer.Deserialize<CriteriaSet>(stored, Web)!;

        Assert.Equal(ThresholdBasis.Region, set.ThresholdsBy);
        Assert.Empty(set.Groups);
        Assert.False(set.Provisional);
        var indicator = set.Criteria[0].Indicators[0];
        Assert.Equal(70, indicator.Threshold!.For(Region("tay-nguyen")));
        Assert.Equal(80, indicator.Threshold.For(Region(null)));
        Assert.Null(indicator.StandardFor(2026));
    }

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
}
