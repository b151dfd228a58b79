using NtmWorkflow.Engine.Definitions;

namespace NtmWorkflow.Engine.Tests;

/// <summary>Reminders, escalation and posting periods as a definition declares them, and every way to get them wrong.</summary>
public sealed class ReminderPolicyParserTests
{
    private const string Limit = "    limit: { working-days: 5 }";

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
              approve: { title: Đạt, to: notice }
          notice:
            title: Công khai
            actor: district-reviewer
            actions:
              submit: { title: Trình, to: recognised }
        ends:
          recognised: { title: Đã công nhận }
        """;

    private static StageDefinition Review(string text) => DefinitionParser.Parse(text, "tiny.yaml").Stages["review"];

    [Fact]
    public void Parse_WhenATimedStageSaysNothing_GivesTheDefaultPolicy()
    {
        var policy = Review(Valid).Reminders!;

        Assert.Equal([3], policy.Before);
        Assert.True(policy.OnDue);
        Assert.Equal(1, policy.OverdueEvery);
        Assert.Equal(new Escalation(5, Roles.ProvinceAppraiser), policy.Escalation);
    }

    [Fact]
    public void Parse_WhenAStageHasNoLimit_HasNoReminders() =>
        Assert.Null(DefinitionParser.Parse(Valid, "tiny.yaml").Stages["notice"].Reminders);

    [Fact]
    public void Parse_WhenRemindersAreDeclared_ReadsThemAndKeepsTheDefaultEscalation()
    {
        var policy = Review(Valid.Replace(Limit, Limit + "\n    reminders: [{ before: 4 }, { before: 1 }, { overdue-every: 2 }]"))
            .Reminders!;

        Assert.Equal([1, 4], policy.Before);
        Assert.False(policy.OnDue);
        Assert.Equal(2, policy.OverdueEvery);
        Assert.Equal(Roles.ProvinceAppraiser, policy.Escalation!.To);
    }

    [Fact]
    public void Parse_WhenEscalationIsDeclared_ReadsItsDaysAndRole()
    {
        var policy = Review(Valid.Replace(Limit, Limit + "\n    escalate: { after-overdue: 2, to: province-leader }")).Reminders!;

        Assert.Equal(new Escalation(2, Roles.ProvinceLeader), policy.Escalation);
        Assert.Equal([3], policy.Before);
    }

    [Fact]
    public void Parse_WhenOnlyTheDaysOfEscalationAreGiven_EscalatesToTheSupervisingTier() =>
        Assert.Equal(new Escalation(8, Roles.ProvinceAppraiser),
            Review(Valid.Replace(Limit, Limit + "\n    escalate: { after-overdue: 8 }")).Reminders!.Escalation);

    [Fact]
    public void Parse_WhenBothAreTurnedOff_HasAnEmptyPolicy()
    {
        var policy = Review(Valid.Replace(Limit, Limit + "\n    reminders: none\n    escalate: none")).Reminders!;

        Assert.Empty(policy.Before);
        Assert.False(policy.OnDue);
        Assert.Null(policy.OverdueEvery);
        Assert.Null(policy.Escalation);
    }

    [Fact]
    public void Parse_WhenRemindersSayDigest_KeepsTheDefaultDaysAsADailySummary()
    {
        var policy = Review(Valid.Replace(Limit, Limit + "\n    reminders: digest")).Reminders!;

        Assert.True(policy.Digest);
        Assert.Equal([3], policy.Before);
        Assert.True(policy.OnDue);
        Assert.Equal(1, policy.OverdueEvery);
        Assert.Equal(new Escalation(5, Roles.ProvinceAppraiser), policy.Escalation);
    }

    [Fact]
    public void Parse_WhenTheListAsksForADigest_ReadsItsDaysAsADailySummary()
    {
        var policy = Review(Valid.Replace(Limit, Limit + "\n    reminders: [{ before: 2 }, { digest: true }]")).Reminders!;

        Assert.True(policy.Digest);
        Assert.Equal([2], policy.Before);
        Assert.False(policy.OnDue);
        Assert.Null(policy.OverdueEvery);
    }

    [Fact]
    public void Parse_WhenNothingAsksForADigest_SendsOneNoticePerDossier()
    {
        Assert.False(Review(Valid).Reminders!.Digest);
        Assert.False(Review(Valid.Replace(Limit, Limit + "\n    reminders: [{ on-due: true }, { digest: false }]")).Reminders!.Digest);
    }

    [Theory]
    [InlineData(Roles.CommuneOfficer, Roles.DistrictReviewer)]
    [InlineData(Roles.DistrictReviewer, Roles.ProvinceAppraiser)]
    [InlineData(Roles.ProvinceAppraiser, Roles.ProvinceLeader)]
    [InlineData(Roles.ProvinceLeader, null)]
    [InlineData(Roles.CentralAppraiser, null)]
    public void Default_EscalatesToTheTierAbove(string actor, string? supervisor) =>
        Assert.Equal(supervisor, ReminderPolicy.Default(actor).Escalation?.To);

    [Theory]
    [InlineData("    reminders: [{ before: -2 }]", 13, "nhắc sau thời hạn")]
    [InlineData("    reminders: [{ before: 0 }]", 13, "on-due")]
    [InlineData("    reminders: [{ before: 5 }]", 13, "trước khi giai đoạn bắt đầu")]
    [InlineData("    reminders: [{ before: ba }]", 13, "số nguyên")]
    [InlineData("    reminders: [{ before: 2, on-due: true }]", 13, "đúng một khóa")]
    [InlineData("    reminders: [{ after: 2 }]", 13, "'after'")]
    [InlineData("    reminders: [{ overdue-every: 0 }]", 13, "số nguyên dương")]
    [InlineData("    reminders: [{ overdue-every: 1 }, { overdue-every: 2 }]", 13, "một lần")]
    [InlineData("    reminders: { before: 3 }", 13, "danh sách")]
    [InlineData("    reminders: daily", 13, "'digest'")]
    [InlineData("    reminders: [{ digest: yes-please }]", 13, "digest")]
    [InlineData("    reminders: [{ digest: true, on-due: true }]", 13, "đúng một khóa")]
    [InlineData("    escalate: { to: district-chief }", 13, "district-chief")]
    [InlineData("    escalate: { to: district-reviewer }", 13, "cấp trên")]
    [InlineData("    escalate: { after-overdue: -1 }", 13, "số nguyên dương")]
    [InlineData("    escalate: { after-overdue: 3, role: x }", 13, "'role'")]
    public void Parse_WhenAReminderIsWrong_ReportsItsLineAndReason(string declaration, int line, string mentions) =>
        AssertError(Valid.Replace(Limit, Limit + "\n" + declaration), line, mentions);

    [Theory]
    [InlineData("    limit: { working-days: 0 }", 12, "số nguyên dương")]
    [InlineData("    limit: { working-days: -3 }", 12, "số nguyên dương")]
    [InlineData("    limit: { days: 0 }", 12, "số nguyên dương")]
    public void Parse_WhenALimitIsNotPositive_RefusesIt(string limit, int line, string mentions) =>
        AssertError(Valid.Replace(Limit, limit), line, mentions);

    [Fact]
    public void Parse_WhenAStageWithoutLimitDeclaresReminders_RefusesThem() =>
        AssertError(Valid.Replace("    title: Công khai", "    title: Công khai\n    reminders: [{ on-due: true }]"), 17, "'limit'");

    [Fact]
    public void Parse_WhenAStageWithoutLimitDeclaresEscalation_RefusesIt() =>
        AssertError(Valid.Replace("    title: Công khai", "    title: Công khai\n    escalate: { to: province-leader }"), 17, "'limit'");

    [Fact]
    public void Parse_WhenTheActorHasNoTierAbove_NeedsAnExplicitEscalationRole() =>
        AssertError(Valid.Replace("    actor: district-reviewer\n    limit", "    actor: province-leader\n    limit")
            .Replace(Limit, Limit + "\n    escalate: { after-overdue: 2 }"), 13, "'to'");

    [Fact]
    public void Parse_WhenAPostingPeriodIsDeclared_ReadsItAndItsCheck()
    {
        var definition = DefinitionParser.Parse(WithPosting("[posting]"), "tiny.yaml");

        Assert.Equal(new TimeLimit(15, LimitUnit.Days), definition.Stages["notice"].Posting);
        Assert.Contains(GateCheck.Posting, definition.Stages["notice"].Actions["submit"].Checks);
    }

    [Fact]
    public void Parse_WhenNoActionWaitsForThePosting_ReportsTheStage() =>
        AssertError(WithPosting("[]"), 15, "'posting'");

    [Fact]
    public void Parse_WhenAnActionWaitsForAPostingTheStageDoesNotHave_ReportsTheAction() =>
        AssertError(Valid.Replace("submit: { title: Trình, to: recognised }", "submit: { title: Trình, to: recognised, checks: [posting] }"),
            19, "'posting'");

    [Fact]
    public void Parse_WhenThePostingPeriodIsMalformed_ReportsIt() =>
        AssertError(WithPosting("[posting]").Replace("posting: { days: 15 }", "posting: { days: 0 }"), 17, "số nguyên dương");

    private static string WithPosting(string checks) => Valid
        .Replace("    title: Công khai", "    title: Công khai\n    posting: { days: 15 }")
        .Replace("submit: { title: Trình, to: recognised }", $"submit: {{ title: Trình, to: recognised, checks: {checks} }}");

    private static void AssertError(string text, int line, string mentions)
    {
        var error = Assert.Throws<DefinitionException>(() => DefinitionParser.Parse(text, "tiny.yaml"));
        Assert.Contains(error.Errors, e => e.File == "tiny.yaml" && e.Line == line && e.Message.Contains(mentions));
    }
}
