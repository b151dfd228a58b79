using NtmWorkflow.Engine.Definitions;
using NtmWorkflow.Engine.Periods;

namespace NtmWorkflow.Engine.Tests;

public sealed class PeriodCatalogTests
{
    [Theory]
    [InlineData(2015, null)]
    [InlineData(2016, "giai-doan-2016-2020")]
    [InlineData(2020, "giai-doan-2016-2020")]
    [InlineData(2021, "giai-doan-2021-2025")]
    [InlineData(2025, "giai-doan-2021-2025")]
    [InlineData(2026, "giai-doan-2026-2030")]
    [InlineData(2030, "giai-doan-2026-2030")]
    [InlineData(2031, null)]
    public void ForYear_WhenShipped_PicksThePeriodCoveringTheYear(int year, string? expected) =>
        Assert.Equal(expected, Shipped.Periods.ForYear(year)?.Id);

    [Fact]
    public void Shipped2026_OpensOnlyCommunesAtNtmAndThePilotLevel_OnTheTwoTierProcedure()
    {
        var period = Shipped.Periods.ForYear(2026)!;

        var commune = Assert.Single(period.Subjects).Value;
        Assert.Equal("commune-ntm-2026", commune.Procedure);
        Assert.Equal(["commune-ntm-2026", "commune-ntm-revocation-2026"], commune.Procedures);
        Assert.Equal(["ntm", "ntm-hien-dai"], commune.Levels.Keys.Order());
        Assert.Equal("commune-ntm-2026-2030", commune.Levels["ntm"].CriteriaSet);
        Assert.Equal("ntm", commune.Levels["ntm-hien-dai"].RequiresInPeriod);
        Assert.DoesNotContain(Shipped.Definition("commune-ntm-2026").Stages.Values, s => s.Actor == Roles.DistrictReviewer);
    }

    [Fact]
    public void Shipped2021_KeepsTheThreeTierDefaultAndTheDistrictProcedure()
    {
        var period = Shipped.Periods.ForYear(2025)!;

        Assert.Equal("commune-ntm", period.Subjects["commune"].Procedure);
        Assert.Equal(["ntm", "ntm-kieu-mau", "ntm-nang-cao"], period.Subjects["commune"].Levels.Keys.Order());
        Assert.Equal("district-ntm", period.Subjects["district"].Procedure);
        Assert.Empty(Shipped.Periods.ForYear(2018)!.Subjects);
        Assert.Equal("2016–2020, 2021–2025, 2026–2030", Shipped.Periods.Ranges);
    }

    [Fact]
    public void RecognisedLevels_WhenShipped_ListsWhatEachPeriodRecognisedForHistory()
    {
        Assert.Equal(["ntm", "ntm-nang-cao", "ntm-kieu-mau"], Shipped.Periods.ForYear(2018)!.RecognisedLevels("commune"));
        Assert.Equal(["ntm"], Shipped.Periods.ForYear(2018)!.RecognisedLevels("district"));
        Assert.Equal(["ntm", "ntm-nang-cao", "ntm-kieu-mau"], Shipped.Periods.ForYear(2023)!.RecognisedLevels("commune"));
        Assert.Equal(["ntm", "ntm-hien-dai"], Shipped.Periods.ForYear(2026)!.RecognisedLevels("commune"));
        Assert.Empty(Shipped.Periods.ForYear(2026)!.RecognisedLevels("district"));
        Assert.Empty(Shipped.Periods.ForYear(2018)!.RecognisedLevels("hamlet"));
    }

    [Fact]
    public void RecognisedLevels_WhenThePeriodOpensSomeAndListsOthers_JoinsBothInLevelOrder()
    {
        var periods = PeriodParser.Parse(
            "periods:\n  - id: a\n    title: A\n    from: 2021\n    to: 2025\n    subjects:\n      commune:\n        procedure: p\n" +
            "        levels: { ntm-kieu-mau: s }\n    recognised:\n      commune: [ntm-kieu-mau, ntm]\n", "periods.yaml");

        Assert.Equal(["ntm", "ntm-kieu-mau"], Assert.Single(periods).RecognisedLevels("commune"));
    }

    [Theory]
    [InlineData("periods: []\n", 1, "ít nhất một giai đoạn")]
    [InlineData("periods:\n  - id: a\n    title: A\n    from: 2020\n    to: 2021\n    recognised:\n      ward: [ntm]\n", 7, "Cấp đơn vị 'ward'")]
    [InlineData("periods:\n  - id: a\n    title: A\n    from: 2020\n    to: 2021\n    recognised:\n      commune: [ntm, ntm-vang]\n", 7, "Mức công nhận 'ntm-vang'")]
    [InlineData("periods:\n  - id: a\n    title: A\n    from: 2020\n    to: 2021\n    recognised:\n      commune: ntm\n", 7, "phải là danh sách mức công nhận")]
    [InlineData("periods:\n  - id: a\n    title: A\n    from: 2020\n    to: 2021\n    recognised:\n      commune: [ntm, ntm]\n", 7, "hai lần")]
    [InlineData("periods:\n  - { id: a, title: A, from: 2020, to: 2019 }\n", 2, "năm bắt đầu (2020) sau năm kết thúc (2019)")]
    [InlineData("periods:\n  - { id: a, title: A, from: 2020, to: 2024 }\n  - { id: b, title: B, from: 2024, to: 2026 }\n", 3, "trùng năm với giai đoạn a")]
    [InlineData("periods:\n  - { id: a, title: A, from: 2020, to: 2021 }\n  - { id: a, title: B, from: 2022, to: 2026 }\n", 3, "'a' được khai báo hai lần")]
    [InlineData("periods:\n  - { id: a, title: A, from: 2020, to: 2021, colour: red }\n", 2, "Khóa 'colour'")]
    [InlineData("periods:\n  - id: a\n    title: A\n    from: 2020\n    to: 2021\n    subjects:\n      ward: { procedure: commune-ntm }\n", 7, "Cấp đơn vị 'ward'")]
    [InlineData("periods:\n  - id: a\n    title: A\n    from: 2020\n    to: 2021\n    subjects:\n      commune:\n        procedure: commune-ntm\n        levels: { ntm-vang: commune-ntm-2021 }\n", 9, "Mức công nhận 'ntm-vang'")]
    [InlineData("periods:\n  - id: a\n    title: A\n    from: 2020\n    to: 2021\n    subjects:\n      commune:\n        procedure: commune-ntm\n        levels: { ntm: { criteria-set: commune-ntm-2021, requires-in-period: ntm } }\n", 9, "không thể đòi chính nó")]
    [InlineData("periods:\n  - id: a\n    title: A\n    from: two\n    to: 2021\n", 4, "'from'")]
    public void Parse_WhenTheShapeIsWrong_SaysWhereAndWhy(string yaml, int line, string reason)
    {
        var error = Assert.Throws<DefinitionException>(() => PeriodParser.Parse(yaml, "periods.yaml"));

        Assert.Contains(error.Errors, e => e.Line == line && e.Message.Contains(reason));
    }

    [Theory]
    [InlineData("procedure: khong-co", 7, "không có quy trình 'khong-co'")]
    [InlineData("procedure: district-ntm", 7, "quy trình 'district-ntm' dành cho cấp huyện")]
    [InlineData("procedure: commune-ntm-revocation", 7, "phải là quy trình xét công nhận")]
    [InlineData("procedure: commune-ntm\n        levels: { ntm: district-ntm-2021 }", 9, "'district-ntm-2021' không phải")]
    [InlineData("procedure: commune-ntm\n        levels: { ntm-nang-cao: commune-ntm-2021 }", 9, "'commune-ntm-2021' không phải")]
    [InlineData("procedure: commune-ntm\n        levels: { ntm: commune-ntm-2026-2030 }", 9, "chấm mức 'ntm' bằng bộ 'commune-ntm-2021'")]
    [InlineData("procedure: commune-ntm-2026\n        levels:\n          ntm-nang-cao: commune-ntm-nang-cao-2021", 10, "không quy trình xét công nhận nào")]
    [InlineData("procedure: commune-ntm-2026\n        levels:\n          ntm-hien-dai: { criteria-set: commune-ntm-hien-dai-2026-2030, requires-in-period: ntm }", 10, "không mở mức đó")]
    public void Load_WhenThePeriodNamesWhatDoesNotFit_SaysWhereAndWhy(string commune, int line, string reason)
    {
        var folder = Directory.CreateTempSubdirectory("ntm-periods").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "programme"));
        File.WriteAllText(Path.Combine(folder, PeriodCatalog.FileName),
            $"periods:\n  - id: thu\n    title: Thử\n    from: 2026\n    to: 2030\n    subjects:\n      commune:\n        {commune}\n");

        var error = Assert.Throws<DefinitionException>(() => PeriodCatalog.Load(folder, Shipped.Definitions, Shipped.Criteria));

        Assert.Contains(error.Errors, e => e.File == PeriodCatalog.FileName && e.Line == line && e.Message.Contains(reason));
    }

    [Fact]
    public void Load_WhenTheFileIsMissing_SaysWhich()
    {
        var error = Assert.Throws<DefinitionException>(() =>
            PeriodCatalog.Load(Directory.CreateTempSubdirectory("ntm-periods").FullName, Shipped.Definitions, Shipped.Criteria));

        Assert.Equal(PeriodCatalog.FileName, Assert.Single(error.Errors).File);
    }
}
