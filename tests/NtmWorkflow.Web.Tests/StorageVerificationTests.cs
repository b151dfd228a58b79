using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Features.Documents;
using NtmWorkflow.Web.Storage;
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

    [Fact]
    public async Task CrashBetweenFileWriteAndCommit_LeavesNoRow_AndCleanupRemovesTheBlobAfterADay()
    {
        var kept = await UploadAsync("giữ lại");
        using var scope = app.Services.CreateScope();
        var storage = scope.ServiceProvider.GetRequiredService<IDocumentStorage>();
        var orphan = await storage.StageAsync(new MemoryStream("%PDF-1.7 mồ côi"u8.ToArray()), 1000, CancellationToken.None);
        storage.Promote(orphan);
        var interrupted = await storage.StageAsync(new MemoryStream("%PDF-1.7 dở dang"u8.ToArray()), 1000, CancellationToken.None);
        var cleanup = scope.ServiceProvider.GetRequiredService<StorageCleanup>();

        Assert.Equal(0, await cleanup.RunAsync(CancellationToken.None));
        app.Clock.Now = app.Clock.Now.AddDays(1).AddHours(1);
        foreach (var file in Directory.EnumerateFiles(app.StorageRoot, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, app.Clock.Now.UtcDateTime - TimeSpan.FromHours(25));
        }
        var removed = await cleanup.RunAsync(CancellationToken.None);

        Assert.Equal(2, removed);
        Assert.False(File.Exists(interrupted.Path));
        Assert.DoesNotContain(orphan.Sha256, storage.Blobs());
        Assert.Contains(kept.GetProperty("sha256").GetString(), storage.Blobs());
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await db.Documents.AnyAsync(d => d.Sha256 == orphan.Sha256));
    }
}
