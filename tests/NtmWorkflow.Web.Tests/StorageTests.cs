using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using NtmWorkflow.Web.Storage;

namespace NtmWorkflow.Web.Tests;

/// <summary>The file-system storage on a real folder, and content sniffing on real bytes.</summary>
public sealed class StorageTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("ntm-storage").FullName;
    private readonly FileSystemDocumentStorage storage;

    public StorageTests() =>
        storage = new FileSystemDocumentStorage(Options.Create(new StorageOptions { Root = root }), new HostingEnvironment { ContentRootPath = root });

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task Stage_ThenPromote_StoresTheBytesUnderTheirSha256()
    {
        var bytes = RandomNumberGenerator.GetBytes(300_000);
        var staged = await storage.StageAsync(new MemoryStream(bytes), 1_000_000, CancellationToken.None);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), staged.Sha256);
        Assert.Equal(bytes.Length, staged.Size);

        storage.Promote(staged);

        Assert.False(File.Exists(staged.Path));
        await using var stored = storage.OpenRead(staged.Sha256);
        using var copy = new MemoryStream();
        await stored.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
        Assert.Equal([staged.Sha256], storage.Blobs());
    }

    [Fact]
    public async Task Promote_OfIdenticalContent_KeepsOneBlob()
    {
        var bytes = "%PDF-1.7 giống nhau"u8.ToArray();
        storage.Promote(await storage.StageAsync(new MemoryStream(bytes), 1000, CancellationToken.None));
        var second = await storage.StageAsync(new MemoryStream(bytes), 1000, CancellationToken.None);
        storage.Promote(second);
        Assert.Single(storage.Blobs());
        Assert.False(File.Exists(second.Path));
    }

    [Fact]
    public async Task Stage_OverTheLimit_ThrowsAndLeavesNothing()
    {
        var error = await Assert.ThrowsAsync<FileTooLargeException>(() =>
            storage.StageAsync(new MemoryStream(new byte[1001]), 1000, CancellationToken.None));
        Assert.Equal(1000, error.Limit);
        Assert.Empty(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Stage_WhenTheClientGoesAway_LeavesNothing()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            storage.StageAsync(new MemoryStream(new byte[10]), 1000, cancelled.Token));
        Assert.Empty(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task DeleteStale_RemovesOldTempFilesAndUnreferencedBlobs_KeepsTheRest()
    {
        var referenced = await StoreAsync("%PDF-1 referenced"u8.ToArray());
        var orphan = await StoreAsync("%PDF-1 orphan"u8.ToArray());
        var fresh = await StoreAsync("%PDF-1 fresh orphan"u8.ToArray());
        var crashed = await storage.StageAsync(new MemoryStream("%PDF-1 crashed"u8.ToArray()), 1000, CancellationToken.None);
        var dayAgo = DateTime.UtcNow.AddDays(-2);
        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Where(p => !p.EndsWith(fresh, StringComparison.Ordinal)))
        {
            File.SetLastWriteTimeUtc(path, dayAgo);
        }

        var removed = storage.DeleteStale(hash => hash == referenced, DateTime.UtcNow.AddDays(-1));

        Assert.Equal(2, removed);
        Assert.False(File.Exists(crashed.Path));
        Assert.Equal(new[] { fresh, referenced }.Order(), storage.Blobs().Order());
        Assert.DoesNotContain(orphan, storage.Blobs());
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("ABCDEF")]
    public void OpenRead_OfSomethingThatIsNotAHash_IsNotFound(string name) =>
        Assert.Throws<FileNotFoundException>(() => storage.OpenRead(name));

    public static TheoryData<string, byte[], string?> Samples() => new()
    {
        { "bao-cao.pdf", "%PDF-1.7\n..."u8.ToArray(), ContentTypes.Pdf },
        { "anh.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], ContentTypes.Png },
        { "anh.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], ContentTypes.Jpeg },
        { "scan.tif", [0x49, 0x49, 0x2A, 0x00, 8, 0, 0, 0], ContentTypes.Tiff },
        { "to-trinh.doc", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0], ContentTypes.Doc },
        { "bang.xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0], ContentTypes.Xls },
        { "la.pdf", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0], null },
        { "virus.pdf", "MZ\x90\0\x03\0\0\0"u8.ToArray(), null },
        { "rong.pdf", [], null },
        { "van-ban.txt", "xin chào"u8.ToArray(), null },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sniff_JudgesByContentNotName(string name, byte[] bytes, string? expected)
    {
        var path = Path.Combine(root, name);
        File.WriteAllBytes(path, bytes);
        Assert.Equal(expected, ContentTypes.Sniff(path, name));
    }

    [Theory]
    [InlineData("word/document.xml", ContentTypes.Docx)]
    [InlineData("xl/workbook.xml", ContentTypes.Xlsx)]
    [InlineData("something/else.xml", null)]
    public void Sniff_TellsOfficeOpenXmlByItsMainPart(string part, string? expected)
    {
        var path = Path.Combine(root, "tai-lieu.bin");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            zip.CreateEntry("[Content_Types].xml");
            zip.CreateEntry(part);
        }
        Assert.Equal(expected, ContentTypes.Sniff(path, "tai-lieu.bin"));
    }

    private async Task<string> StoreAsync(byte[] bytes)
    {
        var staged = await storage.StageAsync(new MemoryStream(bytes), 1000, CancellationToken.None);
        storage.Promote(staged);
        return staged.Sha256;
    }
}
