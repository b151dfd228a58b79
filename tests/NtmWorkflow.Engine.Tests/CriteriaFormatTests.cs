using NtmWorkflow.Engine.Criteria;
using NtmWorkflow.Engine.Definitions;

namespace NtmWorkflow.Engine.Tests;

/// <summary>The parts of the criteria format added for 2026–2030: thresholds-by, groups, by-year, standard, provisional.</summary>
public sealed class CriteriaFormatTests
{
    private static readonly string Valid = CriteriaText.Set("""
        provisional: true
        note: Chờ văn bản
        thresholds-by: group
        groups: [nhom-1, nhom-2, nhom-3]
        """, """
          - number: 1
            name: Giảm nghèo
            indicators:
              - code: "1.3"
                name: Tỷ lệ nghèo
                kind: at-most
                provisional: true
                threshold:
                  by-year:
                    2026: { default: 4, nhom-3: 13 }
                    2027: 3
                standard:
                  2026: Chuẩn cũ
                  2027: Chuẩn mới
              - { code: "1.7", name: Thu nhập, kind: at-least, threshold: { default: 60, nhom-1: 70 } }
        """);

    [Fact]
    public void Parse_WhenValid_ReadsTheNewKeys()
    {
        var set = CriteriaParser.Parse(Valid, "nhom.yaml");
        Assert.True(set.Provisional);
        Assert.Equal("Chờ văn bản", set.Note);
        Assert.Equal(ThresholdBasis.Group, set.ThresholdsBy);
        Assert.Equal(["1.3", "1.7"], set.Criteria[0].Indicators.Select(i => i.Code));
        Assert.Equal(70, set.Criteria[0].Indicators[1].Threshold!.For(new ThresholdContext(null, "nhom-1", 2026)));
        Assert.Equal(ThresholdBasis.Group, set.Criteria[0].Indicators[0].Threshold!.By);
    }

    [Fact]
    public void Parse_ARegionSetNeedNotSayThresholdsBy()
    {
        var text = Valid.Replace("thresholds-by: group\n", "").Replace("groups: [nhom-1, nhom-2, nhom-3]", "regions: [nhom-1, nhom-3]");
        var set = CriteriaParser.Parse(text, "vung.yaml");
        Assert.Equal(ThresholdBasis.Region, set.ThresholdsBy);
        Assert.Equal(["nhom-1", "nhom-3"], set.Regions);
        Assert.False(set.NeedsGroup);
    }

    [Theory]
    [InlineData("thresholds-by: group", "thresholds-by: nhom", 8, "region, group")]
    [InlineData("groups: [nhom-1, nhom-2, nhom-3]", "regions: [nhom-1, nhom-2, nhom-3]", 9, "'regions' không dùng với 'thresholds-by: group'")]
    [InlineData("groups: [nhom-1, nhom-2, nhom-3]", "groups: []", 9, "cần danh sách nhóm xã 'groups'")]
    [InlineData("groups: [nhom-1, nhom-2, nhom-3]", "groups: [nhom-1, nhom-1, nhom-3]", 9, "'nhom-1' hai lần")]
    [InlineData("thresholds-by: group", "thresholds-by: region", 9, "'groups' không dùng với 'thresholds-by: region'")]
    [InlineData("nhom-1: 70 }", "nhom-4: 70 }", 27, "nhóm 'nhom-4' không có trong 'groups'")]
    [InlineData("2026: { default: 4, nhom-3: 13 }", "2026: { default: 4, vung-3: 13 }", 22, "nhóm 'vung-3' không có trong 'groups'")]
    [InlineData("2026: { default: 4, nhom-3: 13 }", "2026: { nhom-3: 13 }", 22, "cần mức chung 'default'")]
    [InlineData("2026: { default: 4, nhom-3: 13 }", "nam-2026: { default: 4, nhom-3: 13 }", 22, "năm 'nam-2026' trong 'by-year' phải là một năm")]
    [InlineData("2026: { default: 4, nhom-3: 13 }", "2026.5: { default: 4, nhom-3: 13 }", 22, "năm '2026.5'")]
    [InlineData("2027: 3", "2025: 3", 23, "phải tăng dần (2025 đứng sau 2026)")]
    [InlineData("2027: 3", "2026: 3", 23, "khóa '2026' được khai báo hai lần")]
    [InlineData("2027: 3", "2027: nhiều", 23, "một số")]
    [InlineData("2027: 3", "2027: { by-year: { 2028: 2 } }", 23, "không lồng")]
    [InlineData("          by-year:", "          default: 5\n          by-year:", 21, "chỉ có khóa 'by-year'")]
    [InlineData("2027: Chuẩn mới", "2025: Chuẩn mới", 26, "'standard' phải tăng dần")]
    [InlineData("2027: Chuẩn mới", "hai-nghin: Chuẩn mới", 26, "năm 'hai-nghin' trong 'standard'")]
    [InlineData("2027: Chuẩn mới", "2027: \"\"", 26, "standard 2027")]
    [InlineData("provisional: true\nnote", "provisional: co\nnote", 6, "true hoặc false")]
    [InlineData("        provisional: true\n", "        provisional: 1\n", 19, "true hoặc false")]
    [InlineData("        provisional: true\n", "        tam-thoi: true\n", 19, "tam-thoi")]
    public void Parse_WhenOneNewThingIsWrong_ReportsItsLineAndReason(string from, string to, int line, string mentions) =>
        CriteriaText.AssertRefused(Valid, from, to, line, mentions);

    [Fact]
    public void Parse_AYearWrittenTwiceDifferently_IsReportedAsRepeated()
    {
        var text = Valid.Replace("2027: 3", "2027: 3\n            02026: 5");
        var error = Assert.Throws<DefinitionException>(() => CriteriaParser.Parse(text, "nhom.yaml"));
        Assert.Contains(error.Errors, e => e.Line == 24 && e.Message.Contains("năm 2026 được khai báo hai lần trong 'by-year'"));
    }

    [Fact]
    public void Parse_AnEmptyByYear_SaysItNeedsAYear()
    {
        var text = Valid.Replace("            2026: { default: 4, nhom-3: 13 }\n            2027: 3", "            {}");
        var error = Assert.Throws<DefinitionException>(() => CriteriaParser.Parse(text, "nhom.yaml"));
        Assert.Contains(error.Errors, e => e.Message.Contains("'by-year' cần ít nhất một năm"));
    }

    [Fact]
    public void Parse_AnUnknownThresholdsBy_ReportsOnlyThat_NotTheCriteriaAsUnknown()
    {
        var error = Assert.Throws<DefinitionException>(() => CriteriaParser.Parse(Valid.Replace("thresholds-by: group", "thresholds-by: nhom"), "nhom.yaml"));
        Assert.Equal(8, Assert.Single(error.Errors).Line);
    }

    [Fact]
    public void Parse_IndicatorCodesNeedNotBeConsecutive()
    {
        var text = Valid.Replace("code: \"1.3\"", "code: \"1.9\"").Replace("code: \"1.7\"", "code: \"1.4\"");
        Assert.Equal(["1.9", "1.4"], CriteriaParser.Parse(text, "nhom.yaml").Criteria[0].Indicators.Select(i => i.Code));
    }
}
