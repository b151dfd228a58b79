using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NtmWorkflow.Web.Backups;

/// <summary>One file of a backup: its path relative to the backups folder, its size and its SHA-256 in lower-case hex.</summary>
public sealed record BackupFile(string Path, long Size, string Sha256);

/// <summary>
/// What one backup holds, written last (as <c>manifest.json</c> in the backup's own folder): the database file and every
/// blob the database references, each with its size and hash, so that a restore can prove it got back what was saved.
/// </summary>
public sealed record BackupManifest(int Format, string Name, string Provider, DateTime CreatedAt, string Database, int Documents,
    IReadOnlyList<BackupFile> Files)
{
    public const string FileName = "manifest.json";
    public const int CurrentFormat = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The total size of the files this backup needs, shared blobs included.</summary>
    [JsonIgnore]
    public long Size => Files.Sum(f => f.Size);

    /// <summary>The blobs in the shared store this backup needs (every other file is its database).</summary>
    [JsonIgnore]
    public IEnumerable<BackupFile> Blobs => Files.Where(f => f.Path.StartsWith(BackupFolder.BlobsFolder + "/", StringComparison.Ordinal));

    /// <summary>Written to a temporary name and renamed, so a manifest is either whole or absent.</summary>
    public async Task WriteAsync(string backupFolder, CancellationToken cancellationToken)
    {
        var temp = Path.Combine(backupFolder, FileName + ".tmp");
        await using (var file = File.Create(temp))
        {
            await JsonSerializer.SerializeAsync(file, this, Json, cancellationToken);
            file.Flush(flushToDisk: true);
        }
        File.Move(temp, Path.Combine(backupFolder, FileName));
    }

    /// <exception cref="BackupDamagedException">The manifest is missing or unreadable.</exception>
    public static async Task<BackupManifest> ReadAsync(string backupFolder, CancellationToken cancellationToken)
    {
        var path = Path.Combine(backupFolder, FileName);
        try
        {
            await using var file = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync<BackupManifest>(file, Json, cancellationToken)
                ?? throw new BackupDamagedException(path, "trống");
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new BackupDamagedException(path, "không có");
        }
        catch (JsonException)
        {
            throw new BackupDamagedException(path, "không đọc được");
        }
    }

    /// <summary>Re-hashes every file listed; stops at the first one missing or different.</summary>
    /// <exception cref="BackupDamagedException">Names that file.</exception>
    public async Task VerifyAsync(string root, CancellationToken cancellationToken)
    {
        foreach (var listed in Files)
        {
            var path = Path.Combine(root, listed.Path);
            if (!File.Exists(path))
            {
                throw new BackupDamagedException(listed.Path, "không có");
            }
            if (new FileInfo(path).Length != listed.Size || await HashAsync(path, cancellationToken) != listed.Sha256)
            {
                throw new BackupDamagedException(listed.Path, "sai nội dung (kích thước hoặc SHA-256 khác bản kê)");
            }
        }
    }

    public static async Task<string> HashAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
    }
}

/// <summary>A backup that cannot be trusted: the file named is missing or not what the manifest says.</summary>
public sealed class BackupDamagedException(string file, string problem) : Exception($"Bản sao lưu hỏng: tệp {file} {problem}.")
{
    public string DamagedFile { get; } = file;
}
