using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>Papers of a dossier: versioned uploads checked by content, locked rounds, downloads with the right headers.</summary>
public sealed class DocumentTests(DocumentTests.SmallLimitApp app) : IClassFixture<DocumentTests.SmallLimitApp>
{
    public sealed class SmallLimitApp : NtmApp
    {
        public const long Limit = 1024 * 1024;

        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Storage:MaxFileBytes", Limit.ToString())];
    }

    private readonly Procedure procedure = new(app);

    private static byte[] Pdf(int size) => Procedure.Pdf(size);

    [Fact]
    public async Task Upload_ReturnsTheContract_AndTheBytesComeBackIdentical()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.Create(commune);
        var bytes = Pdf(200_000);

        var response = await procedure.Upload(commune.Officer, dossier, "bao-cao-ket-qua", "Báo cáo kết quả xã Tân Hội.pdf", bytes);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var document = await response.Json();
        Assert.Equal("bao-cao-ket-qua", document.GetProperty("type").GetString());
        Assert.Equal("Báo cáo kết quả xã Tân Hội.pdf", document.GetProperty("fileName").GetString());
        Assert.Equal(bytes.Length, document.GetProperty("size").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), document.GetProperty("sha256").GetString());
        Assert.Equal(1, document.GetProperty("version").GetInt32());
        Assert.Equal(commune.Officer, document.GetProperty("uploadedBy").GetString());
        Assert.True(document.TryGetProperty("uploadedAt", out _));

        var download = await (await app.As(Procedure.District)).GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"\"{document.GetProperty("sha256").GetString()}\"", download.Headers.ETag?.Tag);
        Assert.Equal("Báo cáo kết quả xã Tân Hội.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
    }

    [Fact]
    public async Task Download_HonoursRangeAndETag()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.Create(commune);
        var bytes = Pdf(50_000);
        var document = await Procedure.Must(await procedure.Upload(commune.Officer, dossier, "anh-minh-hoa", "x.pdf", bytes));
        var client = await app.As(commune.Officer);
        var url = $"/api/documents/{document.GetProperty("id").GetString()}/content";

        using var ranged = new HttpRequestMessage(HttpMethod.Get, url);
        ranged.Headers.Range = new RangeHeaderValue(100, 199);
        var partial = await client.SendAsync(ranged);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(bytes[100..200], await partial.Content.ReadAsByteArrayAsync());

        using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{document.GetProperty("sha256").GetString()}\""));
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(conditional)).StatusCode);
    }

    [Fact]
    public async Task Versions_SurviveAReturnForSupplement_AndEachDownloadsByteForByte()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.Create(commune);
        var first = Pdf(10_000);
        await Procedure.Must(await procedure.Upload(commune.Officer, dossier, "bao-cao-ket-qua", "v1.pdf", first));
        dossier = await procedure.At(commune, "district-review", existing: await procedure.Get(commune.Officer, dossier));
        dossier = await procedure.MustAct(Procedure.District, dossier, "request-supplement", new { comment = "Sửa báo cáo" });
        var second = Pdf(12_000);
        var uploaded = await Procedure.Must(await procedure.Upload(commune.Officer, dossier, "bao-cao-ket-qua", "v2.pdf", second));
        Assert.Equal(2, uploaded.GetProperty("version").GetInt32());

        var client = await app.As(Procedure.District);
        var documents = await client.GetFromJsonAsync<JsonElement>($"/api/dossiers/{Procedure.Id(dossier)}/documents");
        var reports = documents.EnumerateArray().Where(d => d.GetProperty("type").GetString() == "bao-cao-ket-qua").ToList();
        Assert.Equal([1, 2], reports.Select(r => r.GetProperty("version").GetInt32()));
        Assert.Equal(first, await client.GetByteArrayAsync($"/api/documents/{reports[0].GetProperty("id").GetString()}/content"));
        Assert.Equal(second, await client.GetByteArrayAsync($"/api/documents/{reports[1].GetProperty("id").GetString()}/content"));
        var timeline = await procedure.Timeline(commune.Officer, dossier);
        Assert.Contains(timeline.EnumerateArray(), e => e.GetProperty("action").GetString() == "upload-document"
            && e.GetProperty("comment").GetString()!.Contains("phiên bản 2"));
    }

    [Fact]
    public async Task Action_WithAMissingPaper_Is409ListingIt_AndTheChecklistShowsIt()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.Create(commune);
        var checklist = dossier.GetProperty("allowedActionDetails").EnumerateArray()
            .Single(a => a.GetProperty("name").GetString() == "open-public-comment").GetProperty("documents");
        Assert.False(Assert.Single(checklist.EnumerateArray()).GetProperty("present").GetBoolean());

        var problem = await ProblemAssert.Is(HttpStatusCode.Conflict, await procedure.Act(commune.Officer, dossier, "open-public-comment"));
        Assert.Contains("Báo cáo kết quả thực hiện các tiêu chí", problem.Detail());
    }

    [Fact]
    public async Task ZeroByteFile_Is400()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.Create(commune);
        var problem = await ProblemAssert.Is(HttpStatusCode.BadRequest, await procedure.Upload(commune.Officer, dossier, "anh-minh-hoa", "rong.pdf", []));
        Assert.True(problem.Names("file"));
    }

    [Fact]
    public async Task FileOverTheLimit_Is413StatingTheLimit_AndLeavesNoRow()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.Create(commune);
        var problem = await ProblemAssert.Is(HttpStatusCode.RequestEntityTooLarge,
            await procedure.Upload(commune.Officer, dossier, "anh-minh-hoa", "lon.pdf", Pdf((int)SmallLimitApp.Limit + 1)));
        Assert.Contains("1 MB", problem.Detail());
        await AssertNoDocuments(commune, dossier);
    }

    [Theory]
    [InlineData("virus.pdf", new byte[] { 0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00 })]
    [InlineData("ghi-chu.txt", new byte[] { 0x78, 0x69, 0x6E, 0x20, 0x63, 0x68, 0xC3, 0xA0, 0x6F })]
    public async Task ContentThatIsNotAnAcceptedType_Is415WhateverItsName(string name, byte[] bytes)
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.Create(commune);
        await ProblemAssert.Is(HttpStatusCode.UnsupportedMediaType, await procedure.Upload(commune.Officer, dossier, "anh-minh-hoa", name, bytes));
        await AssertNoDocuments(commune, dossier);
    }

    [Theory]
    [InlineData(null, "type")]
    [InlineData("giay-to-la", "type")]
    public async Task MissingOrUnknownType_Is400NamingIt(string? type, string field)
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.Create(commune);
        var problem = await ProblemAssert.Is(HttpStatusCode.BadRequest, await procedure.Upload(commune.Officer, dossier, type, "a.pdf", Pdf(100)));
        Assert.True(problem.Names(field));
        await AssertNoDocuments(commune, dossier);
    }

    [Fact]
    public async Task NotMultipart_Is415()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.Create(commune);
        var client = await app.As(commune.Officer);
        var response = await client.PostAsJsonAsync($"/api/dossiers/{Procedure.Id(dossier)}/documents", new { type = "anh-minh-hoa" });
        await ProblemAssert.Is(HttpStatusCode.UnsupportedMediaType, response);
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("C:\\Windows\\system32\\bao-cao.pdf", "bao-cao.pdf")]
    [InlineData("bao\u0007cao\u0001.pdf", "bao_cao_.pdf")]
    [InlineData("..", "tai-lieu.pdf")]
    public async Task HostileFileNames_AreStoredUnderASafeDisplayName(string name, string expected)
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.Create(commune);
        var document = await Procedure.Must(await procedure.Upload(commune.Officer, dossier, "anh-minh-hoa", name, Pdf(100)));
        Assert.Equal(expected, document.GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task VeryLongFileName_IsShortenedKeepingItsExtension()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.Create(commune);
        var document = await Procedure.Must(await procedure.Upload(commune.Officer, dossier, "anh-minh-hoa", new string('ữ', 300) + ".pdf", Pdf(100)));
        var fileName = document.GetProperty("fileName").GetString()!;
        Assert.Equal(200, fileName.Length);
        Assert.EndsWith(".pdf", fileName);
    }

    [Fact]
    public async Task CommuneUpload_DuringDistrictReview_Is409BecauseItsRoundIsLocked()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.At(commune, "district-review");
        var problem = await ProblemAssert.Is(HttpStatusCode.Conflict,
            await procedure.Upload(commune.Officer, dossier, "bao-cao-ket-qua", "muon.pdf", Pdf(100)));
        Assert.Contains("khóa", problem.Detail());
    }

    [Theory]
    [InlineData("xa.tapson")]
    [InlineData("tinh.travinh.thamdinh")]
    public async Task UploadToAnotherUnitsDossier_Is403(string who)
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.Create(commune);
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await procedure.Upload(who, dossier, "anh-minh-hoa", "a.pdf", Pdf(100)));
    }

    [Fact]
    public async Task OnlyPublicPapers_AreDownloadableAnonymously()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.Create(commune);
        var report = await Procedure.Must(await procedure.Upload(commune.Officer, dossier, "bao-cao-ket-qua", "bc.pdf", Pdf(100)));
        var minutes = await Procedure.Must(await procedure.Upload(commune.Officer, dossier, "bien-ban-hop-xa", "bb.pdf", Pdf(100)));
        var anonymous = app.Anonymous();
        var reportUrl = $"/api/public/documents/{report.GetProperty("id").GetString()}/content";

        await ProblemAssert.Is(HttpStatusCode.NotFound, await anonymous.GetAsync(reportUrl));
        await procedure.MustAct(commune.Officer, dossier, "open-public-comment");
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(reportUrl)).StatusCode);
        await ProblemAssert.Is(HttpStatusCode.NotFound, await anonymous.GetAsync($"/api/public/documents/{minutes.GetProperty("id").GetString()}/content"));
        await ProblemAssert.Is(HttpStatusCode.Unauthorized, await anonymous.GetAsync($"/api/documents/{minutes.GetProperty("id").GetString()}/content"));
        await ProblemAssert.Is(HttpStatusCode.Forbidden,
            await (await app.As("xa.tapson")).GetAsync($"/api/documents/{minutes.GetProperty("id").GetString()}/content"));
    }

    [Fact]
    public async Task ConcurrentUploads_ToOneDossier_GetDistinctConsecutiveVersions()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.Create(commune);
        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(i =>
            procedure.Upload(commune.Officer, dossier, "anh-minh-hoa", $"anh-{i}.pdf", Pdf(5_000 + i))));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        var created = responses.Count(r => r.StatusCode == HttpStatusCode.Created);
        if (!app.OnPostgres)
        {
            Assert.Equal(5, created);
        }
        var documents = await (await app.As(commune.Officer)).GetFromJsonAsync<JsonElement>($"/api/dossiers/{Procedure.Id(dossier)}/documents");
        Assert.Equal(Enumerable.Range(1, created), documents.EnumerateArray().Select(d => d.GetProperty("version").GetInt32()));
    }

    [Fact]
    public async Task Evidence_LinksAPaperToCriteria_ShownInTheCriteriaView()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.Create(commune);
        var document = await Procedure.Must(await procedure.Upload(commune.Officer, dossier, "anh-minh-hoa", "duong.pdf", Pdf(100), " 2, 6 "));
        Assert.Equal([2, 6], document.GetProperty("criteria").EnumerateArray().Select(c => c.GetInt32()));

        var view = await (await app.As(Procedure.District)).GetFromJsonAsync<JsonElement>($"/api/dossiers/{Procedure.Id(dossier)}/criteria");
        var evidence = Assert.Single(view.GetProperty("criteria")[1].GetProperty("evidence").EnumerateArray());
        Assert.Equal(document.GetProperty("id").GetString(), evidence.GetProperty("documentId").GetString());
        Assert.Single(view.GetProperty("criteria")[5].GetProperty("evidence").EnumerateArray());
        Assert.Empty(view.GetProperty("criteria")[0].GetProperty("evidence").EnumerateArray());
    }

    [Theory]
    [InlineData("20")]
    [InlineData("hai")]
    public async Task Evidence_ForACriterionNotInTheSet_Is400(string criteria)
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.Create(commune);
        var problem = await ProblemAssert.Is(HttpStatusCode.BadRequest,
            await procedure.Upload(commune.Officer, dossier, "anh-minh-hoa", "a.pdf", Pdf(100), criteria));
        Assert.True(problem.Names("criteria"));
        await AssertNoDocuments(commune, dossier);
    }

    private async Task AssertNoDocuments(TestUnit commune, JsonElement dossier)
    {
        var documents = await (await app.As(commune.Officer)).GetFromJsonAsync<JsonElement>($"/api/dossiers/{Procedure.Id(dossier)}/documents");
        Assert.Equal(0, documents.GetArrayLength());
        Assert.Equal(dossier.GetProperty("version").GetInt32(), (await procedure.Get(commune.Officer, dossier)).GetProperty("version").GetInt32());
    }
}
