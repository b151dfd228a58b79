using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>
/// Papers drafted as DOCX from a dossier's data (the commune's submission, the appraisal report, the recognition
/// decision) and from a batch decision, opened with the OpenXML library and read paragraph by paragraph.
/// </summary>
public sealed class DraftDocumentTests : IClassFixture<NtmApp>
{
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const string Signer = "Chủ tịch UBND tỉnh Đồng Tháp";

    private readonly NtmApp app;
    private readonly Procedure procedure;

    public DraftDocumentTests(NtmApp app)
    {
        this.app = app;
        procedure = new Procedure(app);
        app.Clock.Now = NtmApp.Start;
    }

    [Fact]
    public async Task TheDecision_OfADecidedDossier_NamesTheUnit_TheNumber_TheDateAndTheSigner_InDecree30Layout()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.At(commune, "announcement-ceremony");
        var decision = dossier.GetProperty("decision");
        var number = decision.GetProperty("number").GetString()!;
        var date = DateOnly.Parse(decision.GetProperty("date").GetString()!, CultureInfo.InvariantCulture);
        var place = commune.Name["Xã ".Length..];

        var response = await (await app.As(Procedure.Leader)).GetAsync($"/api/dossiers/{Procedure.Id(dossier)}/drafts/quyet-dinh");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Docx, response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal($"Quyết định {number.Replace('/', '-')} - {commune.Name}.docx", disposition.FileNameStar);
        Assert.Equal($"Quyet dinh {number.Replace('/', '-').Replace("Đ", "D")} - Xa Thu Nghiem {place["Thử Nghiệm ".Length..]}.docx", disposition.FileName);
        var paper = Read(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["ỦY BAN NHÂN DÂN", "TỈNH ĐỒNG THÁP", $"Số: {number}", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
            $"Đồng Tháp, ngày {Padded(date.Day, 10)} tháng {Padded(date.Month, 3)} năm {date.Year}", "QUYẾT ĐỊNH",
            $"Về việc công nhận xã {place} đạt chuẩn nông thôn mới năm 2025", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP"], paper.Paragraphs[..9]);
        Assert.Contains($"Điều 1. Công nhận xã {place} đạt chuẩn nông thôn mới năm 2025.", paper.Paragraphs);
        Assert.Contains("Căn cứ Quyết định 318/QĐ-TTg ngày 08/03/2022 của Thủ tướng Chính phủ ban hành Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021–2025;", paper.Paragraphs);
        Assert.Equal(["Nơi nhận:", "- Như Điều 3;", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], paper.Paragraphs.SkipWhile(p => p != "Nơi nhận:").Where(p => p.Length > 0).Take(5));
        Assert.Equal("Phó Chủ tịch UBND tỉnh", paper.Paragraphs.Last(p => p.Length > 0));
        Assert.Contains($"Điều 2. Ủy ban nhân dân xã {place} có trách nhiệm duy trì, nâng cao chất lượng các tiêu chí đã đạt.", paper.Highlighted);
        Assert.DoesNotContain($"Điều 1. Công nhận xã {place} đạt chuẩn nông thôn mới năm 2025.", paper.Highlighted);
        Assert.Equal("Times New Roman", paper.Font);
        Assert.Equal((11906u, 16838u), paper.PageSize);
        Assert.Equal((1134, 1134, 1701u, 850u), paper.Margins);
    }

    [Fact]
    public async Task TheDecision_BeforeItIsSigned_LeavesNumberAndDayBlank_ForTheLeaderToFillIn()
    {
        var dossier = await procedure.At(await app.NewCommune(), "decision");

        var paper = Read(await Download(Procedure.Leader, $"/api/dossiers/{Procedure.Id(dossier)}/drafts/quyet-dinh"));

        Assert.Contains("Số:        /QĐ-UBND", paper.Paragraphs);
        Assert.Contains($"Đồng Tháp, ngày      tháng      năm {app.Clock.Today.Year}", paper.Paragraphs);
        Assert.Equal("CHỦ TỊCH", paper.Paragraphs.Last(p => p.Length > 0));
    }

    [Fact]
    public async Task TheAppraisalReport_ListsEachCriterion_WithTheProvincesVerdict_TheConditionsAndTheCouncilVote()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.At(commune, "provincial-appraisal");
        await Procedure.Must(await (await app.As(Procedure.Appraiser)).PutAsJsonAsync(
            $"/api/dossiers/{Procedure.Id(dossier)}/criteria/2/review", new { agree = true }));
        dossier = await procedure.At(commune, "decision", existing: await procedure.Get(Procedure.Appraiser, dossier));
        var place = commune.Name["Xã ".Length..];

        var paper = Read(await Download(Procedure.Appraiser, $"/api/dossiers/{Procedure.Id(dossier)}/drafts/bao-cao-tham-dinh"));

        Assert.Contains("Số:        /BC-VPĐP", paper.Paragraphs);
        Assert.Contains($"Kết quả thẩm định hồ sơ đề nghị công nhận xã {place} đạt chuẩn nông thôn mới năm 2025", paper.Paragraphs);
        Assert.Contains($"xã {place} tự đánh giá đạt 19/19 tiêu chí theo Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021–2025; kết quả thẩm định thống nhất 1/19 tiêu chí:", paper.Paragraphs);
        var rows = Assert.Single(paper.Tables);
        Assert.Equal(["TT", "Tên tiêu chí", "Xã tự đánh giá", "Kết quả thẩm định"], rows[0]);
        Assert.Equal(20, rows.Count);
        Assert.Equal(["1", "Quy hoạch", "Đạt", "Chưa thẩm định"], rows[1]);
        Assert.Equal(["2", "Giao thông", "Đạt", "Thống nhất"], rows[2]);
        Assert.Equal(["19", "Quốc phòng và An ninh", "Đạt", "Chưa thẩm định"], rows[19]);
        Assert.Contains("Tỷ lệ người dân hài lòng: 96,5%.", paper.Paragraphs);
        Assert.Contains("Nợ đọng xây dựng cơ bản trong xây dựng nông thôn mới: 0 đồng.", paper.Paragraphs);
        Assert.Contains("Tình hình an ninh, trật tự: ổn định, không phức tạp.", paper.Paragraphs);
        Assert.DoesNotContain(paper.Paragraphs, p => p.StartsWith("Số thôn thông minh", StringComparison.Ordinal));
        Assert.Contains($"Hội đồng thẩm định có 20 thành viên, 19 thành viên có mặt; 18 thành viên tán thành, 1 thành viên không tán thành đề nghị công nhận xã {place} đạt chuẩn nông thôn mới năm 2025.", paper.Paragraphs);
    }

    [Fact]
    public async Task TheSubmission_OfAFreshDossier_IsAddressedToItsDistrict_WithEveryCriterionNotYetAssessed()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.Create(commune, qualify: false);
        var place = commune.Name["Xã ".Length..];

        var response = await (await app.As(commune.Officer)).GetAsync($"/api/dossiers/{Procedure.Id(dossier)}/drafts/to-trinh");

        Assert.Equal($"Tờ trình - {commune.Name}.docx", (await Must(response)).Content.Headers.ContentDisposition!.FileNameStar);
        var paper = Read(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["ỦY BAN NHÂN DÂN", commune.Name.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), "Số:        /TTr-UBND"], paper.Paragraphs[..3]);
        Assert.Contains($"{place}, ngày      tháng      năm {app.Clock.Today.Year}", paper.Paragraphs);
        Assert.Contains("TỜ TRÌNH", paper.Paragraphs);
        Assert.Contains("Kính gửi: Ủy ban nhân dân thành phố Hồng Ngự.", paper.Paragraphs);
        Assert.Contains($"Ủy ban nhân dân xã {place} đã tổ chức tự đánh giá mức độ đạt các tiêu chí theo Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021–2025. Kết quả: xã {place} đạt 0/19 tiêu chí, cụ thể như sau:", paper.Paragraphs);
        var rows = Assert.Single(paper.Tables);
        Assert.Equal(["TT", "Tên tiêu chí", "Xã tự đánh giá"], rows[0]);
        Assert.All(rows.Skip(1), r => Assert.Equal("Chưa đánh giá", r[2]));
        Assert.Contains("Chưa ghi nhận điều kiện công nhận.", paper.Paragraphs);
        Assert.Equal(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], paper.Paragraphs.Where(p => p.Length > 0).TakeLast(2));
    }

    [Fact]
    public async Task TheBatchDraft_ListsEveryUnitTheBatchDecided_WithItsNumberAndDate_AndIsLinkedFromTheBatchPage()
    {
        var communes = new List<TestUnit> { await app.NewCommune(), await app.NewCommune() };
        var dossiers = new List<JsonElement>();
        foreach (var commune in communes)
        {
            dossiers.Add(await procedure.ProvideDocuments(Procedure.Leader, await procedure.At(commune, "decision"), "sign-decision"));
        }
        var number = Procedure.NextDecisionNumber();
        var batch = await Procedure.Must(await SignBatch(number, dossiers));

        var response = await (await app.As(Procedure.Leader)).GetAsync($"/api/decision-batches/{batch.GetProperty("id").GetString()}/draft");

        Assert.Equal($"Quyết định {number.Replace('/', '-')} - Tỉnh Đồng Tháp.docx", (await Must(response)).Content.Headers.ContentDisposition!.FileNameStar);
        var paper = Read(await response.Content.ReadAsByteArrayAsync());
        var today = app.Clock.Today;
        Assert.Contains($"Số: {number}", paper.Paragraphs);
        Assert.Contains($"Đồng Tháp, ngày {Padded(today.Day, 10)} tháng {Padded(today.Month, 3)} năm {today.Year}", paper.Paragraphs);
        Assert.Contains("Về việc công nhận 02 xã đạt chuẩn nông thôn mới", paper.Paragraphs);
        Assert.Contains("Điều 1. Công nhận 02 xã sau đây:", paper.Paragraphs);
        Assert.All(communes, c => Assert.Contains($"{c.Name}: đạt chuẩn nông thôn mới năm 2025;", paper.Paragraphs));
        Assert.Equal(Signer, paper.Paragraphs.Last(p => p.Length > 0));
        var id = batch.GetProperty("id").GetString();
        var page = await PageSession.SignedIn(app, Procedure.Leader);
        Assert.Contains($"href=\"/decision-batches/{id}/draft\"", await page.Html($"/Decisions/Batches/{id}"));
        var fromPage = await page.Get($"/decision-batches/{id}/draft");
        Assert.Equal(Docx, fromPage.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"Số: {number}", Read(await fromPage.Content.ReadAsByteArrayAsync()).Paragraphs);
        await Expect(HttpStatusCode.NotFound, "tinh.vinhlong.lanhdao", $"/api/decision-batches/{id}/draft");
        await Expect(HttpStatusCode.NotFound, Procedure.Leader, $"/api/decision-batches/{Guid.NewGuid()}/draft");
    }

    [Fact]
    public async Task AnUnknownPaper_Is400NamingIt_AnOfficialOutOfScope403_AnUnknownDossier404_AStranger401()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.Create(commune, qualify: false);
        var path = $"/api/dossiers/{Procedure.Id(dossier)}/drafts";

        Assert.True((await ProblemAssert.Is(HttpStatusCode.BadRequest, await (await app.As(commune.Officer)).GetAsync($"{path}/bien-ban"))).Names("paper"));
        await Expect(HttpStatusCode.Forbidden, "tinh.travinh.thamdinh", $"{path}/to-trinh");
        await Expect(HttpStatusCode.Forbidden, "xa.tapson", $"{path}/quyet-dinh");
        await Expect(HttpStatusCode.NotFound, Procedure.Leader, $"/api/dossiers/{Guid.NewGuid()}/drafts/quyet-dinh");
        await ProblemAssert.Is(HttpStatusCode.Unauthorized, await app.Anonymous().GetAsync($"{path}/to-trinh"));
    }

    [Fact]
    public async Task ThePages_LinkTheDrafts_AndServeThemBehindTheSignInCookie()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.Create(commune, qualify: false);
        var id = Procedure.Id(dossier);

        var officer = await PageSession.SignedIn(app, commune.Officer);
        var html = await officer.Html($"/Dossiers/{id}");
        Assert.Contains($"href=\"/dossiers/{id}/drafts/to-trinh\"", html);
        Assert.Contains($"href=\"/dossiers/{id}/drafts/quyet-dinh\"", html);
        var download = await officer.Get($"/dossiers/{id}/drafts/to-trinh");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Docx, download.Content.Headers.ContentType?.MediaType);
        Assert.Contains("TỜ TRÌNH", Read(await download.Content.ReadAsByteArrayAsync()).Paragraphs);
        var anonymous = await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync($"/dossiers/{id}/drafts/to-trinh");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/Account/Login", anonymous.Headers.Location?.PathAndQuery);
        var stranger = await PageSession.SignedIn(app, "tinh.travinh.thamdinh");
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.Get($"/dossiers/{id}/drafts/to-trinh")).StatusCode);
    }

    private static string Padded(int value, int below) =>
        value < below ? value.ToString("00", CultureInfo.InvariantCulture) : value.ToString(CultureInfo.InvariantCulture);

    private async Task<byte[]> Download(string user, string path) =>
        await (await Must(await (await app.As(user)).GetAsync(path))).Content.ReadAsByteArrayAsync();

    private async Task Expect(HttpStatusCode status, string user, string path) =>
        await ProblemAssert.Is(status, await (await app.As(user)).GetAsync(path));

    private static async Task<HttpResponseMessage> Must(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    private async Task<HttpResponseMessage> SignBatch(string number, IEnumerable<JsonElement> dossiers)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(number), "number" },
            { new StringContent(app.Clock.TodayText), "date" },
            { new StringContent(Signer), "signer" },
            { new StringContent(JsonSerializer.Serialize(dossiers.Select(d => new { id = Procedure.Id(d), expectedVersion = d.GetProperty("version").GetInt32() }))), "dossiers" },
            { new ByteArrayContent(Procedure.Pdf(2000)), "file", "quyet-dinh-chung.pdf" },
        };
        return await (await app.As(Procedure.Leader)).PostAsync("/api/decision-batches", form);
    }

    /// <summary>A DOCX as the library reads it: every paragraph's text in order (tables' included), the tables' rows, the highlighted texts and the page setup.</summary>
    private sealed record Paper(
        string[] Paragraphs, List<List<List<string>>> Tables, HashSet<string> Highlighted, string? Font, (uint, uint) PageSize,
        (int, int, uint, uint) Margins);

    private static Paper Read(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var word = WordprocessingDocument.Open(stream, false);
        var body = word.MainDocumentPart!.Document!.Body!;
        var paragraphs = body.Descendants<Paragraph>().Select(p => p.InnerText).ToArray();
        // The header and footer are borderless layout tables; the bordered ones hold data.
        var tables = body.Elements<Table>()
            .Where(t => t.GetFirstChild<TableProperties>()?.TableBorders?.TopBorder?.Val?.Value == BorderValues.Single)
            .Select(t => t.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList())
            .ToList();
        var highlighted = body.Descendants<Paragraph>().Where(p => p.Descendants<Highlight>().Any()).Select(p => p.InnerText).ToHashSet();
        var font = word.MainDocumentPart.StyleDefinitionsPart?.Styles?.DocDefaults?.RunPropertiesDefault?.RunPropertiesBaseStyle?.RunFonts?.Ascii?.Value;
        var section = body.GetFirstChild<SectionProperties>()!;
        var size = section.GetFirstChild<PageSize>()!;
        var margin = section.GetFirstChild<PageMargin>()!;
        return new Paper(paragraphs, tables, highlighted, font, (size.Width!.Value, size.Height!.Value),
            (margin.Top!.Value, margin.Bottom!.Value, margin.Left!.Value, margin.Right!.Value));
    }
}
