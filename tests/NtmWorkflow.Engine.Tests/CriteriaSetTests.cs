using NtmWorkflow.Engine.Criteria;
using NtmWorkflow.Engine.Definitions;

namespace NtmWorkflow.Engine.Tests;

/// <summary>The shipped criteria sets say what the spec says, and the sets a definition names exist and fit.</summary>
public sealed class CriteriaSetTests
{
    [Theory]
    [InlineData("commune-ntm-2021", "commune", "ntm", 19)]
    [InlineData("commune-ntm-nang-cao-2021", "commune", "ntm-nang-cao", 19)]
    [InlineData("commune-ntm-kieu-mau-2021", "commune", "ntm-kieu-mau", 19)]
    [InlineData("district-ntm-2021", "district", "ntm", 9)]
    [InlineData("commune-ntm-2026-2030", "commune", "ntm", 10)]
    [InlineData("commune-ntm-hien-dai-2026-2030", "commune", "ntm-hien-dai", 10)]
    public void ShippedSet_HasItsCriteriaNumberedFromOne(string id, string subject, string level, int count)
    {
        var set = Shipped.Criteria.Find(id)!;
        Assert.Equal(subject, set.Subject);
        Assert.Equal(level, set.Level);
        Assert.Equal(Enumerable.Range(1, count), set.Criteria.Select(c => c.Number));
        Assert.All(set.Criteria, c => Assert.NotEmpty(c.Indicators));
        Assert.Equal(90, set.Conditions.MinSatisfactionPercent);
    }

    [Fact]
    public void CommuneNtm_NamesTheNineteenCriteriaOfDecision318()
    {
        string[] names =
        [
            "Quy hoạch", "Giao thông", "Thủy lợi và phòng, chống thiên tai", "Điện", "Trường học", "Cơ sở vật chất văn hóa",
            "Cơ sở hạ tầng thương mại nông thôn", "Thông tin và Truyền thông", "Nhà ở dân cư", "Thu nhập", "Nghèo đa chiều",
            "Lao động", "Tổ chức sản xuất và phát triển kinh tế nông thôn", "Giáo dục và Đào tạo", "Y tế", "Văn hóa",
            "Môi trường và an toàn thực phẩm", "Hệ thống chính trị và tiếp cận pháp luật", "Quốc phòng và An ninh",
        ];
        Assert.Equal(names, Shipped.Criteria.Find("commune-ntm-2021")!.Criteria.Select(c => c.Name));
    }

    [Theory]
    [InlineData("commune-ntm-2021", new[] { 10, 17, 19 })]
    [InlineData("commune-ntm-nang-cao-2021", new[] { 10, 17, 18, 19 })]
    [InlineData("district-ntm-2021", new[] { 6, 7, 8, 9 })]
    [InlineData("commune-ntm-2026-2030", new[] { 3, 8, 10 })]
    [InlineData("commune-ntm-hien-dai-2026-2030", new[] { 3, 8, 10 })]
    public void KeyCriteria_AreTheOnesTheRevocationRuleNames(string id, int[] keys) =>
        Assert.Equal(keys, Shipped.Criteria.Find(id)!.Criteria.Where(c => c.Key).Select(c => c.Number));

    [Fact]
    public void CommuneNtm2021_KeepsTheDecisionsIndicatorCodes_InItsAbridgedList()
    {
        var set = Shipped.Criteria.Find("commune-ntm-2021")!;
        var codes = set.Criteria.SelectMany(c => c.Indicators).Select(i => i.Code).ToList();
        Assert.Equal(2, set.Version);
        Assert.Contains("17.9", codes);
        Assert.Contains("18.4", codes);
        Assert.DoesNotContain("17.4", codes);
        Assert.DoesNotContain("18.3", codes);
    }

    public static TheoryData<string> SetsOf2026() => new("commune-ntm-2026-2030", "commune-ntm-hien-dai-2026-2030");

    [Theory]
    [MemberData(nameof(SetsOf2026))]
    public void SetsOf2026_NameTheTenCriteriaOfDecision51_ByCommuneGroup_AllProvisional(string id)
    {
        string[] names =
        [
            "Quy hoạch", "Hạ tầng kinh tế - xã hội", "Phát triển kinh tế nông thôn", "Đào tạo nguồn nhân lực nông thôn",
            "Văn hóa, giáo dục, y tế", "Giảm nghèo và an sinh xã hội", "Khoa học công nghệ và chuyển đổi số",
            "Môi trường và cảnh quan nông thôn", "Xây dựng hệ thống chính trị và hành chính công",
            "Tiếp cận pháp luật và an ninh, quốc phòng",
        ];
        var set = Shipped.Criteria.Find(id)!;
        Assert.Equal(names, set.Criteria.Select(c => c.Name));
        Assert.True(set.NeedsGroup);
        Assert.Equal(["nhom-1", "nhom-2", "nhom-3"], set.Groups);
        Assert.Empty(set.Regions);
        Assert.True(set.Provisional);
        Assert.NotNull(set.Note);
        Assert.All(set.Criteria.SelectMany(c => c.Indicators), i => Assert.True(i.Provisional));
        Assert.Contains("51/2025/QĐ-TTg", set.LegalBasis);
    }

    [Fact]
    public void CommuneNtm2026_PovertyRate_IsJudgedByGroupAndYear_AgainstTheStandardOfThatYear()
    {
        var poverty = Shipped.Criteria.Find("commune-ntm-2026-2030")!.Criteria[5].Indicators.Single(i => i.Kind == IndicatorKind.AtMost);
        Assert.Equal([2026, 2027], poverty.Threshold!.ByYear!.Select(s => s.FromYear));
        Assert.Equal(13, poverty.Threshold.For(new ThresholdContext(null, "nhom-3", 2026)));
        Assert.Equal(4, poverty.Threshold.For(new ThresholdContext(null, "nhom-2", 2028)));
        Assert.Contains("07/2021/NĐ-CP", poverty.StandardFor(2026));
        Assert.Contains("351/2025/NĐ-CP", poverty.StandardFor(2027));
        Assert.DoesNotContain("07/2021", poverty.StandardFor(2030));
        Assert.Throws<InvalidOperationException>(() => poverty.Threshold.For(new ThresholdContext("tay-nguyen", null, 2026)));
    }

    [Fact]
    public void SetsOf2021_AreKeyedByRegion()
    {
        Assert.All(Shipped.Criteria.All.Where(s => s.Id.EndsWith("-2021", StringComparison.Ordinal)), set =>
        {
            CriteriaText.AssertKeyedByRegion(set);
            Assert.False(set.Provisional);
        });
    }

    [Fact]
    public void ModelCommune_TakesTheAdvancedCriteria_AndAddsItsConditions()
    {
        var model = Shipped.Criteria.Find("commune-ntm-kieu-mau-2021")!;
        var advanced = Shipped.Criteria.Find("commune-ntm-nang-cao-2021")!;
        Assert.Same(advanced.Criteria, model.Criteria);
        Assert.Equal(new ModelConditions(10, 1, true), model.Conditions.Model);
        Assert.NotEqual(advanced.ContentHash, model.ContentHash);
    }

    [Fact]
    public void Threshold_DiffersByRegion_AndFallsBackToTheDefault()
    {
        var schools = Shipped.Criteria.Find("commune-ntm-2021")!.Criteria[4].Indicators[0];
        Assert.Equal(IndicatorKind.AtLeast, schools.Kind);
        Assert.Equal(80, schools.Threshold!.For(new ThresholdContext("dong-bang-song-cuu-long", null, 2024)));
        Assert.Equal(70, schools.Threshold.For(new ThresholdContext("tay-nguyen", null, 2024)));
        Assert.Equal(80, schools.Threshold.For(new ThresholdContext(null, null, 2024)));
    }

    [Fact]
    public void EveryShippedDefinition_NamesASetForEachOfItsLevels()
    {
        foreach (var definition in Shipped.Definitions.All)
        {
            Assert.Equal(definition.Levels.Order(), definition.Criteria.Keys.Order());
            Assert.All(definition.Criteria, pair => Assert.Equal(pair.Key, Shipped.Criteria.Find(pair.Value.SetId)!.Level));
        }
    }

    [Theory]
    [InlineData("ntm: commune-ntm-2021", "ntm: khong-co", "khong-co")]
    [InlineData("ntm: commune-ntm-2021", "ntm: district-ntm-2021", "cấp district")]
    [InlineData("ntm: commune-ntm-2021", "ntm: commune-ntm-nang-cao-2021", "mức 'ntm-nang-cao'")]
    public void LoadFolder_WhenADefinitionNamesAWrongSet_ReportsItsLine(string from, string to, string mentions)
    {
        var folder = Directory.CreateTempSubdirectory("ntm-catalog").FullName;
        var text = File.ReadAllText(Path.Combine(Shipped.Folder, "commune-ntm.yaml")).Replace(from, to);
        File.WriteAllText(Path.Combine(folder, "commune-ntm.yaml"), text);

        var error = Assert.Throws<DefinitionException>(() => DefinitionCatalog.LoadFolder(folder, Shipped.Criteria));

        var problem = Assert.Single(error.Errors);
        Assert.Equal(11, problem.Line);
        Assert.Contains(mentions, problem.Message);
    }
}

public sealed class CriteriaParserTests
{
    private const string Valid = """
        id: tiny-set
        version: 1
        title: Bộ nhỏ
        subject: commune
        level: ntm
        regions: [tay-nguyen]
        conditions:
          min-satisfaction-percent: 90
        criteria:
          - number: 1
            name: Giao thông
            indicators:
              - { code: "1.1", name: "Đường xã, thôn", unit: "%", kind: at-least, threshold: { default: 80, tay-nguyen: 70 } }
          - number: 2
            name: Thu nhập
            key: true
            indicators:
              - { code: "2.1", name: Thu nhập, kind: at-least, threshold: 48.5 }
              - { code: "2.2", name: Không có nhà tạm, kind: yes-no }
        """;

    [Fact]
    public void Parse_WhenValid_ReadsCriteriaIndicatorsAndThresholds()
    {
        var set = CriteriaParser.Parse(Valid, "tiny.yaml");
        Assert.Equal(2, set.Criteria.Count);
        Assert.True(set.Criteria[1].Key);
        Assert.Equal("Đường xã, thôn", set.Criteria[0].Indicators[0].Name);
        Assert.Equal(70, set.Criteria[0].Indicators[0].Threshold!.For(new ThresholdContext("tay-nguyen", null, 2024)));
        Assert.Equal(48.5m, set.Criteria[1].Indicators[0].Threshold!.Default);
        Assert.Null(set.Criteria[1].Indicators[1].Threshold);
    }

    [Theory]
    [InlineData("level: ntm", "level: ntm-cao", 5, "ntm-cao")]
    [InlineData("  - number: 2", "  - number: 3", 10, "liên tục")]
    [InlineData("  - number: 2", "  - number: 1", 14, "hai lần")]
    [InlineData("kind: at-least, threshold: 48.5", "kind: at-least", 18, "threshold")]
    [InlineData("kind: at-least, threshold: 48.5", "kind: at-least, threshold: nhiều", 18, "một số")]
    [InlineData("kind: yes-no }", "kind: yes-no, threshold: 1 }", 19, "yes-no")]
    [InlineData("kind: yes-no }", "kind: maybe }", 19, "maybe")]
    [InlineData("tay-nguyen: 70 }", "dong-nam-bo: 70 }", 13, "dong-nam-bo")]
    [InlineData("{ default: 80, tay-nguyen: 70 }", "{ tay-nguyen: 70 }", 13, "default")]
    [InlineData("\"2.2\"", "\"2.1\"", 10, "2.1")]
    [InlineData("min-satisfaction-percent: 90", "min-satisfaction-percent: 190", 8, "100")]
    [InlineData("    key: true", "    key: co", 16, "true hoặc false")]
    [InlineData("    name: Giao thông", "    ten: Giao thông", 11, "ten")]
    public void Parse_WhenOneThingIsWrong_ReportsItsLineAndReason(string from, string to, int line, string mentions) =>
        CriteriaText.AssertRefused(Valid, from, to, line, mentions);

    [Fact]
    public void LoadFolder_WhenCriteriaFromNamesNoSet_SaysSo()
    {
        var folder = Directory.CreateTempSubdirectory("ntm-criteria").FullName;
        File.WriteAllText(Path.Combine(folder, "model.yaml"),
            File.ReadAllText(Path.Combine(Shipped.Folder, "criteria", "commune-ntm-kieu-mau-2021.yaml")));
        var error = Assert.Throws<DefinitionException>(() => CriteriaCatalog.LoadFolder(folder));
        Assert.Contains("criteria-from", Assert.Single(error.Errors).Message);
    }

    [Fact]
    public void LoadFolder_WhenTheFolderIsMissing_SaysWhich() =>
        Assert.Equal("/khong/co", Assert.Single(Assert.Throws<DefinitionException>(() => CriteriaCatalog.LoadFolder("/khong/co")).Errors).File);
}
