using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using NtmWorkflow.Engine.Criteria;
using NtmWorkflow.Engine.Definitions;
using NtmWorkflow.Engine.Drafts;
using NtmWorkflow.Engine.Periods;
using NtmWorkflow.Engine.Transitions;
using NtmWorkflow.Web.Features.Drafts;

namespace NtmWorkflow.Web.Tests;

/// <summary>The composition of a paper from the shipped wording and given facts, without a server, and its DOCX written back.</summary>
public sealed class DraftComposerTests
{
    private static readonly DraftWordingCatalog Wording = LoadShipped();

    private static DraftFormat Format => Wording.Format;

    [Theory]
    [InlineData(2024, 2, 16, "Đồng Tháp, ngày 16 tháng 02 năm 2024")]
    [InlineData(2023, 6, 30, "Đồng Tháp, ngày 30 tháng 6 năm 2023")]
    [InlineData(2026, 1, 5, "Đồng Tháp, ngày 05 tháng 01 năm 2026")]
    [InlineData(2026, 11, 9, "Đồng Tháp, ngày 09 tháng 11 năm 2026")]
    public void TheDateLine_PadsDaysUnderTenAndMonthsUnderThree(int year, int month, int day, string expected) =>
        Assert.Equal(expected, DraftComposer.DateLine(Format, "Đồng Tháp", new DateOnly(year, month, day)));

    [Theory]
    [InlineData("Xã Tập Sơn", "xã Tập Sơn", "Tập Sơn")]
    [InlineData("Thành phố Hồng Ngự", "thành phố Hồng Ngự", "Hồng Ngự")]
    [InlineData("Phường Hồng Ngự", "phường Hồng Ngự", "Hồng Ngự")]
    [InlineData("Tỉnh Đắk Lắk", "tỉnh Đắk Lắk", "Đắk Lắk")]
    [InlineData("Việt Nam", "Việt Nam", "Việt Nam")]
    public void AUnitName_IsWrittenInASentence_AndAsAPlace(string name, string inSentence, string place)
    {
        Assert.Equal(inSentence, DraftComposer.InSentence(Format, name));
        Assert.Equal(place, DraftComposer.PlaceOf(Format, name));
    }

    [Fact]
    public void TheReport_WithoutAVote_SaysTheCouncilHasNotVoted_AndShowsTheModelConditionsOfAModelCommune()
    {
        var facts = Facts() with
        {
            Level = "ntm-kieu-mau",
            ModelConditions = true,
            Conditions = new RecognitionConditions(92m, 1500000m, false, 12.5m, 2, "Du lịch sinh thái"),
            Vote = null,
        };

        var paper = DraftComposer.Dossier(Format, Paper("giai-doan-2021-2025", DraftPapers.BaoCaoThamDinh), facts);

        var lines = paper.Content.OfType<DraftLine>().Select(l => l.Text).ToList();
        Assert.Contains("Hội đồng thẩm định chưa biểu quyết.", lines);
        Assert.Contains("Kết quả thẩm định hồ sơ đề nghị công nhận xã Tập Sơn đạt chuẩn nông thôn mới kiểu mẫu năm 2024", lines);
        Assert.Equal(
            ["Tỷ lệ người dân hài lòng: 92%.", "Nợ đọng xây dựng cơ bản trong xây dựng nông thôn mới: 1.500.000 đồng.",
             "Tình hình an ninh, trật tự: phức tạp.", "Thu nhập bình quân đầu người cao hơn xã nông thôn mới nâng cao: 12,5%.",
             "Số thôn thông minh: 2.", "Lĩnh vực nổi trội: Du lịch sinh thái."],
            lines.SkipWhile(l => l != "II. CÁC ĐIỀU KIỆN CÔNG NHẬN").Skip(1).TakeWhile(l => !l.StartsWith("III.", StringComparison.Ordinal)));
        Assert.Equal("Số:        /BC-VPĐP", paper.NumberLine);
        Assert.Equal("Đồng Tháp, ngày      tháng      năm 2026", paper.DateLine);
        Assert.Equal(["ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP", "VĂN PHÒNG ĐIỀU PHỐI NÔNG THÔN MỚI"], paper.Issuer);
        Assert.All(paper.Content.OfType<DraftLine>().Where(l => l.Style is DraftLineStyle.Title or DraftLineStyle.Subject), l => Assert.True(l.Provisional));
    }

    [Fact]
    public void The2026Submission_GoesToTheProvince_AndCitesDecision51_WithTheProcedureLeftBlankAndProvisional()
    {
        var facts = Facts() with { ReviewerName = "Tỉnh Vĩnh Long", ProvinceName = "Tỉnh Vĩnh Long", Year = 2026 };

        var paper = DraftComposer.Dossier(Format, Paper("giai-doan-2026-2030", DraftPapers.ToTrinh), facts);

        var lines = paper.Content.OfType<DraftLine>().ToList();
        Assert.Contains(lines, l => l.Text == "Kính gửi: Ủy ban nhân dân tỉnh Vĩnh Long.");
        Assert.Contains(lines, l => l.Text == "Căn cứ Quyết định số 51/2025/QĐ-TTg ngày 29/12/2025 của Thủ tướng Chính phủ ban hành Bộ tiêu chí quốc gia về nông thôn mới giai đoạn 2026 - 2030;" && !l.Provisional);
        Assert.Contains(lines, l => l.Text.StartsWith("Căn cứ ……………", StringComparison.Ordinal) && l.Provisional);
        Assert.Equal("Tờ trình - Xã Tập Sơn", paper.FileStem);
    }

    [Fact]
    public void EveryComposedText_SurvivesTheDocxExactly()
    {
        var paper = DraftComposer.Dossier(Format, Paper("giai-doan-2021-2025", DraftPapers.QuyetDinh),
            Facts() with { Decision = new Decision("694/QĐ-UBND-HC", new DateOnly(2023, 6, 30), "Nguyễn Thành Diệu") });

        using var stream = new MemoryStream(DocxWriter.Write(paper));
        using var word = WordprocessingDocument.Open(stream, false);
        var written = word.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Select(p => p.InnerText).ToHashSet();

        string[] composed =
        [
            .. paper.Issuer, paper.NumberLine, Format.NationalName, Format.Motto, paper.DateLine,
            .. paper.Content.OfType<DraftLine>().Select(l => l.Text), Format.RecipientsHeading,
            .. paper.Recipients.Select(r => "- " + r), .. paper.Signature, paper.SignerName!,
        ];
        Assert.All(composed, text => Assert.Contains(text, written));
        Assert.Contains("Đồng Tháp, ngày 30 tháng 6 năm 2023", written);
        Assert.Contains("Số: 694/QĐ-UBND-HC", written);
        Assert.Contains("Nguyễn Thành Diệu", written);
    }

    private static DraftDossierFacts Facts() => new(
        "Xã Tập Sơn", "Tỉnh Đồng Tháp", "Huyện Trà Cú", "ntm", 2024, "Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021–2025",
        "Quyết định 318/QĐ-TTg ngày 08/03/2022",
        [new DraftCriterion(1, "Quy hoạch", true, true), new DraftCriterion(13, "Tổ chức sản xuất và phát triển kinh tế nông thôn", false, false)],
        new RecognitionConditions(96.5m, 0m, true, null, null, null), false, new Vote(20, 19, 18), null, new DateOnly(2026, 3, 2));

    private static DraftPaperWording Paper(string period, string paper) => Wording.For(period, "commune")!.Papers[paper];

    private static DraftWordingCatalog LoadShipped()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "workflows");
        var criteria = CriteriaCatalog.LoadFolder(Path.Combine(folder, "criteria"));
        var definitions = DefinitionCatalog.LoadFolder(folder, criteria);
        return DraftWordingCatalog.Load(folder, PeriodCatalog.Load(folder, definitions, criteria));
    }
}
