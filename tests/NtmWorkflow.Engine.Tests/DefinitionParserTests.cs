using NtmWorkflow.Engine.Definitions;

namespace NtmWorkflow.Engine.Tests;

/// <summary>Every way a definition can be wrong is reported with its file, line and reason.</summary>
public sealed class DefinitionParserTests
{
    private const string Valid = """
        id: tiny
        version: 1
        title: Quy trình nhỏ
        subject: commune
        levels: [ntm]
        criteria: { ntm: commune-ntm-2021 }
        start: review
        stages:
          review:
            title: Thẩm tra
            actor: district-reviewer
            limit: { working-days: 5 }
            actions:
              approve: { title: Đạt, to: council }
              reject: { title: Không đạt, to: rejected, requires: [comment] }
          council:
            title: Hội đồng
            actor: province-appraiser
            actions:
              recommend:
                title: Đề nghị
                to: recognised
                requires: [vote]
                vote: { min-agree-percent: 75 }
        ends:
          recognised: { title: Đã công nhận }
          rejected: { title: Không công nhận }
        """;

    [Fact]
    public void Parse_WhenTheDefinitionIsValid_ReadsEveryPart()
    {
        var definition = DefinitionParser.Parse(Valid, "tiny.yaml");

        Assert.Equal("tiny", definition.Id);
        Assert.Equal(1, definition.Version);
        Assert.Equal(["ntm"], definition.Levels);
        Assert.Equal("commune-ntm-2021", definition.Criteria["ntm"].SetId);
        Assert.Equal(new TimeLimit(5, LimitUnit.WorkingDays), definition.Stages["review"].Limit);
        Assert.Equal(Roles.DistrictReviewer, definition.Stages["review"].Actions["approve"].Actor);
        Assert.Equal(75, definition.Stages["council"].Actions["recommend"].Vote!.MinAgreePercent);
        Assert.Equal("recognised", definition.Ends["recognised"].Status);
        Assert.Equal(DefinitionParser.ContentHash(Valid), definition.ContentHash);
        Assert.Equal(9, definition.Stages["review"].Line);
    }

    [Fact]
    public void ContentHash_IgnoresLineEndings() =>
        Assert.Equal(DefinitionParser.ContentHash(Valid), DefinitionParser.ContentHash(Valid.ReplaceLineEndings("\r\n")));

    [Theory]
    [InlineData("version: 1", "version: một", 2, "số nguyên dương")]
    [InlineData("version: 1", "version: 0", 2, "số nguyên dương")]
    [InlineData("id: tiny", "id: Tiny Flow", 1, "gạch ngang")]
    [InlineData("subject: commune", "subject: city", 4, "subject")]
    [InlineData("criteria: { ntm: commune-ntm-2021 }", "criteria: { ntm: x, ntm-nang-cao: y }", 6, "ntm-nang-cao")]
    [InlineData("criteria: { ntm: commune-ntm-2021 }", "criteria: {}", 6, "'ntm'")]
    [InlineData("levels: [ntm]", "levels: [ntm, ntm-xuat-sac]", 5, "ntm-xuat-sac")]
    [InlineData("levels: [ntm]", "levels: ntm", 5, "danh sách")]
    [InlineData("start: review", "start: nowhere", 1, "nowhere")]
    [InlineData("    actor: district-reviewer", "    actor: district-chief", 11, "district-chief")]
    [InlineData("      approve: { title: Đạt, to: council }", "      approve: { title: Đạt, to: counsel }", 14, "counsel")]
    [InlineData("requires: [comment]", "requires: [reason]", 15, "reason")]
    [InlineData("to: council }", "to: council, checks: [budget] }", 14, "budget")]
    [InlineData("to: council }", "to: council, documents: [to-trinh] }", 14, "to-trinh")]
    [InlineData("to: recognised\n        requires: [vote]", "to: recognised\n        pauses-clock: true\n        requires: [vote]", 20, "limit")]
    [InlineData("    limit: { working-days: 5 }", "    limit: { working-days: 5 }\n    self-assessment: có", 13, "true hoặc false")]
    [InlineData("    limit: { working-days: 5 }", "    limit: { working-days: 5, days: 7 }", 12, "đúng một")]
    [InlineData("    limit: { working-days: 5 }", "    limit: { weeks: 1 }", 12, "weeks")]
    [InlineData("        vote: { min-agree-percent: 75 }", "        vote: { min-agree-percent: 175 }", 24, "100")]
    [InlineData("        requires: [vote]", "        requires: [comment]", 21, "vote")]
    [InlineData("    title: Hội đồng", "    titel: Hội đồng", 17, "titel")]
    [InlineData("  recognised: { title: Đã công nhận }", "  approved: { title: Đã công nhận }", 26, "status")]
    [InlineData("  rejected: { title: Không công nhận }", "  rejected: { title: Không công nhận, status: failed }", 27, "failed")]
    public void Parse_WhenOneThingIsWrong_ReportsItsLineAndReason(string from, string to, int line, string mentions)
    {
        var text = Valid.Replace(from, to);
        Assert.NotEqual(Valid, text);

        var error = Assert.Throws<DefinitionException>(() => DefinitionParser.Parse(text, "tiny.yaml"));

        Assert.Contains(error.Errors, e => e.File == "tiny.yaml" && e.Line == line && e.Message.Contains(mentions));
    }

    [Theory]
    [InlineData("id")]
    [InlineData("version")]
    [InlineData("title")]
    [InlineData("subject")]
    [InlineData("start")]
    [InlineData("criteria")]
    public void Parse_WhenATopLevelKeyIsMissing_NamesIt(string key)
    {
        var text = string.Join('\n', Valid.Split('\n').Where(l => !l.StartsWith(key + ":", StringComparison.Ordinal)));
        var error = Assert.Throws<DefinitionException>(() => DefinitionParser.Parse(text, "tiny.yaml"));
        Assert.Contains(error.Errors, e => e.Message.Contains($"'{key}'"));
    }

    [Fact]
    public void Parse_WhenTheYamlIsMalformed_ReportsTheSyntaxErrorLine()
    {
        var error = Assert.Throws<DefinitionException>(() => DefinitionParser.Parse(Valid.Replace("title: Thẩm tra", "title: [Thẩm tra"), "tiny.yaml"));
        var syntax = Assert.Single(error.Errors);
        Assert.Contains("YAML", syntax.Message);
        Assert.InRange(syntax.Line, 10, 12);
    }

    [Fact]
    public void Parse_WhenAKeyIsRepeated_ReportsIt()
    {
        var error = Assert.Throws<DefinitionException>(() => DefinitionParser.Parse(Valid.Replace("version: 1", "version: 1\nversion: 2"), "tiny.yaml"));
        Assert.Contains("YAML", Assert.Single(error.Errors).Message);
    }

    [Fact]
    public void Parse_WhenAStageCannotBeReached_ReportsTheStage()
    {
        var text = Valid.Replace("ends:", """
              orphan:
                title: Mồ côi
                actor: province-leader
                actions:
                  sign: { title: Ký, to: recognised }
            ends:
            """);
        var error = Assert.Throws<DefinitionException>(() => DefinitionParser.Parse(text, "tiny.yaml"));
        var unreachable = Assert.Single(error.Errors);
        Assert.Contains("'orphan'", unreachable.Message);
        Assert.Contains("không thể tới được", unreachable.Message);
    }

    [Fact]
    public void Parse_WhenAStageHasNoWayOut_ReportsTheStage()
    {
        var text = Valid.Replace("      approve: { title: Đạt, to: council }", "      approve: { title: Đạt, to: stuck }")
            .Replace("ends:", """
              stuck:
                title: Kẹt
                actor: province-leader
            ends:
            """);
        var error = Assert.Throws<DefinitionException>(() => DefinitionParser.Parse(text, "tiny.yaml"));
        Assert.Contains(error.Errors, e => e.Message.Contains("'stuck'") && e.Message.Contains("không có hành động"));
    }

    [Fact]
    public void Parse_WhenStagesOnlyLoopAmongThemselves_ReportsThatNoEndCanBeReached()
    {
        var text = Valid.Replace("      approve: { title: Đạt, to: council }", "      approve: { title: Đạt, to: loop-a }")
            .Replace("ends:", """
              loop-a:
                title: Vòng A
                actor: province-leader
                actions:
                  next: { title: Tiếp, to: loop-b }
              loop-b:
                title: Vòng B
                actor: province-leader
                actions:
                  back: { title: Lùi, to: loop-a }
            ends:
            """);
        var error = Assert.Throws<DefinitionException>(() => DefinitionParser.Parse(text, "tiny.yaml"));
        Assert.Contains(error.Errors, e => e.Message.Contains("'loop-a'") && e.Message.Contains("kết thúc"));
        Assert.Contains(error.Errors, e => e.Message.Contains("'loop-b'") && e.Message.Contains("kết thúc"));
        Assert.Contains(error.Errors, e => e.Message.Contains("'council'"));
    }

    [Fact]
    public void Parse_WhenAnEndIsNeverReached_ReportsTheEnd()
    {
        var text = Valid + "\n  withdrawn: { title: Đã rút }";
        var error = Assert.Throws<DefinitionException>(() => DefinitionParser.Parse(text, "tiny.yaml"));
        Assert.Contains("'withdrawn'", Assert.Single(error.Errors).Message);
    }

    [Fact]
    public void Parse_WhenAStageAndAnEndShareAName_ReportsTheClash()
    {
        var text = Valid.Replace("  rejected: { title: Không công nhận }", "  rejected: { title: Không công nhận }\n  review: { title: Trùng, status: rejected }");
        var error = Assert.Throws<DefinitionException>(() => DefinitionParser.Parse(text, "tiny.yaml"));
        Assert.Contains(error.Errors, e => e.Message.Contains("'review'") && e.Message.Contains("vừa là"));
    }

    [Fact]
    public void Parse_WhenSeveralThingsAreWrong_ReportsThemAll()
    {
        var text = Valid.Replace("subject: commune", "subject: city").Replace("actor: district-reviewer", "actor: chief");
        var error = Assert.Throws<DefinitionException>(() => DefinitionParser.Parse(text, "tiny.yaml"));
        Assert.True(error.Errors.Count >= 2);
        Assert.Contains("tiny.yaml:4:", error.Message);
        Assert.Contains("tiny.yaml:11:", error.Message);
    }

    [Fact]
    public void Parse_WhenTheFileIsNotAMapping_SaysSo()
    {
        var error = Assert.Throws<DefinitionException>(() => DefinitionParser.Parse("- a\n- b\n", "list.yaml"));
        Assert.Equal("list.yaml", Assert.Single(error.Errors).File);
    }
}
