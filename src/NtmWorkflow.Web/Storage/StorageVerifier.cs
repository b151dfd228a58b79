using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Web.Data;

namespace NtmWorkflow.Web.Storage;

/// <summary>Re-hashes every stored document and reports the ones whose bytes are missing or no longer match.</summary>
public sealed class StorageVerifier(AppDbContext db, IDocumentStorage storage)
{
    public sealed record Problem(Guid DocumentId, Guid DossierId, string FileName, string Sha256);

    public sealed record Report(int Checked, IReadOnlyList<Problem> Missing, IReadOnlyList<Problem> Corrupt)
    {
        public bool Healthy => Missing.Count == 0 && Corrupt.Count == 0;
    }

    public async Task<Report> VerifyAsync(CancellationToken cancellationToken)
    {
        var documents = await db.Documents.AsNoTracking()
            .Select(d => new Problem(d.Id, d.DossierId, d.FileName, d.Sha256))
            .ToListAsync(cancellationToken);
        var missing = new List<Problem>();
        var corrupt = new List<Problem>();
        foreach (var blob in documents.GroupBy(d => d.Sha256))
        {
            switch (await HashAsync(blob.Key, cancellationToken))
            {
                case null:
                    missing.AddRange(blob);
                    break;
                case var actual when actual != blob.Key:
                    corrupt.AddRange(blob);
                    break;
            }
        }
        return new Report(documents.Count, missing, corrupt);
    }

    private async Task<string?> HashAsync(string sha256, CancellationToken cancellationToken)
    {
        try
        {
            await using var content = storage.OpenRead(sha256);
            return Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken));
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }
}
