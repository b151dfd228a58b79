using NtmWorkflow.Engine.Definitions;
using NtmWorkflow.Engine.Periods;

namespace NtmWorkflow.Engine.Tests;

/// <summary>The report's bands, targets and sentence that programme/periods.yaml gives each period.</summary>
public sealed class PeriodReportTests
{
    [Fact]
    public void ShippedBands_Of2021_AreTheReportsBands_AndThoseOf2026_AreProvisional()
    {
        var bands2024 = Shipped.Periods.ForYear(2024)!.Report.Bands!;
        Assert.Equal(["19", "15-18", "10-14", "0-9"], bands2024.Bands.Select(b => b.Id));
        Assert.False(bands2024.Provisional);
        Assert.Equal("15-18", bands2024.Of(17)!.Id);

        var bands2026 = Shipped.Periods.ForYear(2026)!.Report.Bands!;
        Assert.Equal(["10", "5-9", "0-4"], bands2026.Bands.Select(b => b.Id));
        Assert.True(bands2026.Provisional);
    }

    [Fact]
    public void ShippedTargets_AreOnlyThe2026Periods_EachProvisionalWithItsSource()
    {
        Assert.Empty(Shipped.Periods.ForYear(2024)!.Report.Targets);
        var targets = Shipped.Periods.ForYear(2026)!.Report.Targets;

        Assert.Equal([("ntm", 65m), ("ntm-hien-dai", 10m)], targets.Select(t => (t.Level, t.SharePercent)));
        Assert.All(targets, t => Assert.True(t.Provisional));
        Assert.All(targets, t => Assert.Contains("257/2025/QH15", t.Source));
    }

    [Fact]
    public void ShippedSentence_HasAClauseForEveryLevel()
    {
        Assert.Equal(Levels.All, Shipped.Periods.Wording.LevelClauses.Keys.OrderBy(l => Levels.All.ToList().IndexOf(l)));
        Assert.Equal("{count}/{total} xã đạt chuẩn nông thôn mới ({percent} %)", Shipped.Periods.Wording.LevelClauses[Levels.Ntm]);
    }

    [Theory]
    [InlineData("{ from: 19, to: 19, title: A }, { from: 0, to: 17, title: B }", "18/19 tiêu chí đạt nằm trong 0 nhóm")]
    [InlineData("{ from: 15, to: 19, title: A }, { from: 0, to: 15, title: B }", "15/19 tiêu chí đạt nằm trong 2 nhóm")]
    [InlineData("{ from: 0, to: 20, title: A }", "vượt quá 19 tiêu chí")]
    public void Load_WhenTheBandsDoNotCoverEachCountOnce_SaysWhich(string bands, string reason)
    {
        var error = Assert.Throws<DefinitionException>(() => Load(
            $"periods:\n  - id: thu\n    title: Thử\n    from: 2021\n    to: 2025\n    subjects:\n      commune:\n        procedure: commune-ntm\n" +
            $"        levels: {{ ntm: commune-ntm-2021 }}\n    report:\n      criteria-bands:\n        source: S\n        bands: [{bands}]\n"));

        Assert.Contains(error.Errors, e => e.Line == 12 && e.Message.Contains(reason));
    }

    [Theory]
    [InlineData("report-sentence: { ntm: \"{count} xã ({ratio} %)\" }\n", 1, "'{ratio}' không phải chỗ điền hợp lệ")]
    [InlineData("report-sentence: { ntm: \"xã đạt chuẩn\" }\n", 1, "cần có {count}")]
    [InlineData("report-sentence: { ntm-vang: \"{count}\" }\n", 1, "Mức công nhận 'ntm-vang'")]
    public void Parse_WhenTheSentenceIsWrong_SaysWhereAndWhy(string sentence, int line, string reason)
    {
        var error = Assert.Throws<DefinitionException>(() => PeriodParser.Parse(sentence + "periods:\n  - { id: a, title: A, from: 2020, to: 2021 }\n", "periods.yaml"));

        Assert.Contains(error.Errors, e => e.Line == line && e.Message.Contains(reason));
    }

    [Theory]
    [InlineData("targets:\n        - { id: t, title: T, level: ntm, share-percent: 120, source: S }", "từ 0 đến 100")]
    [InlineData("targets:\n        - { id: t, title: T, level: ntm-vang, share-percent: 50, source: S }", "'level' không nhận giá trị 'ntm-vang'")]
    [InlineData("targets:\n        - { id: t, title: T, level: ntm, share-percent: 50, source: S }\n        - { id: t, title: U, level: ntm, share-percent: 5, source: S }", "'t' được khai báo hai lần")]
    public void Parse_WhenATargetIsWrong_SaysWhy(string targets, string reason)
    {
        var error = Assert.Throws<DefinitionException>(() => PeriodParser.Parse(
            $"periods:\n  - id: a\n    title: A\n    from: 2020\n    to: 2021\n    report:\n      {targets}\n", "periods.yaml"));

        Assert.Contains(error.Errors, e => e.Message.Contains(reason));
    }

    private static PeriodCatalog Load(string content)
    {
        var folder = Directory.CreateTempSubdirectory("ntm-periods").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "programme"));
        File.WriteAllText(Path.Combine(folder, PeriodCatalog.FileName), content);
        return PeriodCatalog.Load(folder, Shipped.Definitions, Shipped.Criteria);
    }
}
