using NtmWorkflow.Engine.Definitions;
using NtmWorkflow.Engine.Drafts;

namespace NtmWorkflow.Engine.Tests;

public sealed class DraftWordingCatalogTests
{
    [Fact]
    public void Load_WhenShipped_GivesEveryPaperForTheCommunesOfBothOpenPeriods()
    {
        var catalog = DraftWordingCatalog.Load(Shipped.Folder, Shipped.Periods);

        foreach (var period in new[] { "giai-doan-2021-2025", "giai-doan-2026-2030" })
        {
            var wording = catalog.For(period, Subjects.Commune);
            Assert.NotNull(wording);
            Assert.Equal(DraftPapers.All.Order(), wording.Papers.Keys.Order());
        }
        Assert.Null(catalog.For("giai-doan-2016-2020", Subjects.Commune));
        Assert.Equal("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", catalog.Format.NationalName);
        Assert.Equal("Độc lập - Tự do - Hạnh phúc", catalog.Format.Motto);
        Assert.Equal("Times New Roman", catalog.Format.Font);
    }

    [Fact]
    public void Load_WhenShipped_ResolvesSharedSentences_AndKeepsTheirProvisionalMark()
    {
        var wording = DraftWordingCatalog.Load(Shipped.Folder, Shipped.Periods).For("giai-doan-2021-2025", Subjects.Commune)!;

        var decision = wording.Papers[DraftPapers.QuyetDinh];
        var decree = Assert.Single(decision.Bases, b => b.Text.Contains("18/2022/QĐ-TTg ngày 02/8/2022", StringComparison.Ordinal));
        Assert.True(decree.Provisional);
        Assert.Contains(decision.Bases, b => b.Text == "Căn cứ {criteria-basis} của Thủ tướng Chính phủ ban hành {criteria-title};" && !b.Provisional);
        Assert.Equal("QĐ-UBND", decision.Symbol);
        Assert.Contains(wording.Papers[DraftPapers.BaoCaoThamDinh].Body, b => b.Kind == DraftBlockKind.Vote);
    }

    [Theory]
    [InlineData("{unknown}", "'{unknown}'")]
    [InlineData("{count}", "'{count}'")]
    public void Load_WhenASentenceNamesABlankItMayNotUse_SaysWhichAndWhere(string blank, string expected)
    {
        var folder = CopyOfShipped();
        var file = Path.Combine(folder, "drafts", "giai-doan-2026-2030.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("Điều 1. Công nhận {unit}", $"Điều 1. Công nhận {blank}", StringComparison.Ordinal));

        var error = Assert.Single(Assert.Throws<DefinitionException>(() => DraftWordingCatalog.Load(folder, Shipped.Periods)).Errors);

        Assert.Equal("drafts/giai-doan-2026-2030.yaml", error.File);
        Assert.Contains(expected, error.Message);
        Assert.Contains("Điều 1.", File.ReadAllLines(file)[error.Line - 1]);
    }

    [Fact]
    public void Load_WhenAPeriodTakingCommuneDossiersHasNoWording_OrAFileNamesNoPeriod_SaysSo()
    {
        var folder = CopyOfShipped();
        File.Move(Path.Combine(folder, "drafts", "giai-doan-2026-2030.yaml"), Path.Combine(folder, "drafts", "giai-doan-2031-2035.yaml"));

        var errors = Assert.Throws<DefinitionException>(() => DraftWordingCatalog.Load(folder, Shipped.Periods)).Errors;

        Assert.Contains(errors, e => e.File == "drafts/giai-doan-2031-2035.yaml" && e.Message.Contains("giai-doan-2026-2030.yaml"));
        Assert.Contains(errors, e => e.File == "drafts/giai-doan-2026-2030.yaml" && e.Message.Contains("chưa có lời văn"));
    }

    [Fact]
    public void Load_WhenTheFormatLacksAWord_NamesIt()
    {
        var folder = CopyOfShipped();
        var file = Path.Combine(folder, "drafts", "format.yaml");
        File.WriteAllLines(file, File.ReadAllLines(file).Where(l => !l.TrimStart().StartsWith("not-met:", StringComparison.Ordinal)));

        var error = Assert.Single(Assert.Throws<DefinitionException>(() => DraftWordingCatalog.Load(folder, Shipped.Periods)).Errors);

        Assert.Equal("drafts/format.yaml", error.File);
        Assert.Contains("'not-met'", error.Message);
    }

    private static string CopyOfShipped()
    {
        var folder = Directory.CreateTempSubdirectory("ntm-drafts").FullName;
        Directory.CreateDirectory(Path.Combine(folder, DraftWordingCatalog.Folder));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Shipped.Folder, DraftWordingCatalog.Folder)))
        {
            File.Copy(file, Path.Combine(folder, DraftWordingCatalog.Folder, Path.GetFileName(file)));
        }
        return folder;
    }
}
