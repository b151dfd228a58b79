using NtmWorkflow.Engine.Definitions;

namespace NtmWorkflow.Engine.Tests;

public sealed class LevelsTests
{
    [Theory]
    [InlineData(Levels.Ntm, null, "đạt chuẩn nông thôn mới")]
    [InlineData(Levels.NtmNangCao, Levels.Ntm, "nông thôn mới nâng cao")]
    [InlineData(Levels.NtmKieuMau, Levels.NtmNangCao, "nông thôn mới kiểu mẫu")]
    [InlineData(Levels.NtmHienDai, Levels.Ntm, "nông thôn mới hiện đại")]
    public void EachLevel_IsKnown_WithItsPrerequisiteAndName(string level, string? prerequisite, string name)
    {
        Assert.True(Levels.IsKnown(level));
        Assert.Equal(prerequisite, Levels.Prerequisite(level));
        Assert.Equal(name, Levels.VietnameseName(level));
    }

    [Fact]
    public void ADefinition_MayOfferTheModernLevel_JudgedByItsSet()
    {
        var folder = Directory.CreateTempSubdirectory("ntm-hien-dai").FullName;
        var text = File.ReadAllText(Path.Combine(Shipped.Folder, "commune-ntm-two-tier.yaml"))
            .Replace("levels: [ntm, ntm-nang-cao, ntm-kieu-mau]", "levels: [ntm, ntm-hien-dai]")
            .Replace("  ntm-nang-cao: commune-ntm-nang-cao-2021\n  ntm-kieu-mau: commune-ntm-kieu-mau-2021",
                "  ntm-hien-dai: commune-ntm-hien-dai-2026-2030");
        File.WriteAllText(Path.Combine(folder, "hien-dai.yaml"), text);

        var definition = Assert.Single(DefinitionCatalog.LoadFolder(folder, Shipped.Criteria).All);

        Assert.Equal([Levels.Ntm, Levels.NtmHienDai], definition.Levels);
        Assert.Equal("commune-ntm-hien-dai-2026-2030", definition.Criteria[Levels.NtmHienDai].SetId);
    }
}
