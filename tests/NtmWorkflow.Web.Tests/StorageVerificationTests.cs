using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NtmWorkflow.Web.Features.Documents;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>The integrity check finds blobs that went missing or changed on disk, over HTTP and on the command line.</summary>
public sealed class StorageVerificationTests(NtmApp app) : IClassFixture<NtmApp>
{
    private readonly Procedure procedure = new(app);

    private async Task<JsonElement> UploadAsync(string marker)
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.Create(commune);
        return await Procedure.Must(await procedure.Upload(commune.Officer, dossier, "anh-minh-hoa", "a.pdf",
            System.Text.Encoding.UTF8.GetBytes("%PDF-1.7 " + marker)));
    }

    private string BlobPath(JsonElement document)
    {
        var sha = document.GetProperty("sha256").GetString()!;
        return Path.Combine(app.StorageRoot, "blobs", sha[..2], sha[2..4], sha);
    }

    [Fact]
    public async Task Verify_ReportsMissingAndCorruptBlobs_AndTheCommandLineFailsOnThem()
    {
        var healthy = await UploadAsync("khỏe");
        var corrupt = await UploadAsync("hỏng");
        var missing = await UploadAsync("mất");
        var admin = await app.As("admin");
        var before = await admin.GetFromJsonAsync<JsonElement>("/api/admin/storage/verify");
        Assert.True(before.GetProperty("healthy").GetBoolean());
        Assert.Equal(0, await VerifyStorage.RunAsync(app.Services));

        await File.WriteAllTextAsync(BlobPath(corrupt), "%PDF-1.7 đã bị sửa");
        File.Delete(BlobPath(missing));

        var report = await admin.GetFromJsonAsync<JsonElement>("/api/admin/storage/verify");
        Assert.False(report.GetProperty("healthy").GetBoolean());
        Assert.Equal(missing.GetProperty("id").GetString(), Assert.Single(report.GetProperty("missing").EnumerateArray()).GetProperty("documentId").GetString());
        Assert.Equal(corrupt.GetProperty("id").GetString(), Assert.Single(report.GetProperty("corrupt").EnumerateArray()).GetProperty("documentId").GetString());
        Assert.Equal(1, await VerifyStorage.RunAsync(app.Services));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/documents/{healthy.GetProperty("id").GetString()}/content")).StatusCode);
        await ProblemAssert.Is(HttpStatusCode.NotFound, await admin.GetAsync($"/api/documents/{missing.GetProperty("id").GetString()}/content"));
    }

    [Fact]
    public async Task Verify_ByAnyoneButAnAdministrator_Is403()
    {
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await (await app.As(Procedure.Appraiser)).GetAsync("/api/admin/storage/verify"));
        await ProblemAssert.Is(HttpStatusCode.Unauthorized, await app.Anonymous().GetAsync("/api/admin/storage/verify"));
    }
}
