using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NtmWorkflow.Engine;
using NtmWorkflow.Engine.Calendar;
using NtmWorkflow.Engine.Criteria;
using NtmWorkflow.Engine.Definitions;
using NtmWorkflow.Engine.Transitions;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;

namespace NtmWorkflow.Benchmarks;

/// <summary>
/// Writes many dossiers straight through the aggregate (the same moves the API makes, without HTTP): each opened,
/// posted, submitted and returned for supplement twice, so it has ten timeline events and waits in district review.
/// </summary>
public static class Seeder
{
    private static readonly string[] Path =
        ["open-public-comment", "submit-to-district", "request-supplement", "resubmit", "request-supplement", "resubmit",
         "request-supplement", "resubmit", "request-supplement", "resubmit"];

    public static async Task<AdministrativeUnit> DistrictAsync(BenchHost host, string code, int communes)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var province = await db.Units.SingleAsync(u => u.Code == "dong-thap");
        var district = new AdministrativeUnit(code, "Huyện đo hiệu năng " + code, UnitKinds.District, province);
        db.Units.Add(district);
        for (var i = 0; i < communes; i++)
        {
            db.Units.Add(new AdministrativeUnit($"{code}.xa-{i}", $"Xã đo {i}", UnitKinds.Commune, district));
        }
        await db.SaveChangesAsync();
        return district;
    }

    /// <param name="blobs">When set, each dossier also gets one paper of <see cref="PaperBytes"/> different bytes, its blob
    /// written straight into this document store's <c>blobs/</c> folder (the backup measure).</param>
    public static async Task DossiersAsync(BenchHost host, AdministrativeUnit district, int communes, int count, string? blobs = null)
    {
        using var services = host.Services.CreateScope();
        var definition = services.ServiceProvider.GetRequiredService<DefinitionCatalog>().Find("commune-ntm")!;
        var criteria = services.ServiceProvider.GetRequiredService<CriteriaCatalog>();
        var calendar = services.ServiceProvider.GetRequiredService<WorkingCalendar>();
        var passing = new GateFacts([], [], [], null, definition.Documents.Keys.ToHashSet());
        var input = ActionInput.None with { Comment = "Bổ sung", Vote = new Vote(20, 20, 20) };
        var official = new Actor("bench.xa", [Roles.CommuneOfficer, Roles.DistrictReviewer], district.Code, district.Path);
        const int batch = 1000;
        for (var first = 0; first < count; first += batch)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var codes = Enumerable.Range(first, Math.Min(batch, count - first)).Select(i => $"{district.Code}.xa-{i % communes}").Distinct().ToList();
            var units = await db.Units.AsNoTracking().Where(u => codes.Contains(u.Code)).ToDictionaryAsync(u => u.Code);
            for (var i = first; i < Math.Min(first + batch, count); i++)
            {
                var unit = units[$"{district.Code}.xa-{i % communes}"];
                var level = definition.Levels[i / communes % definition.Levels.Count];
                var now = host.Clock.GetUtcNow().UtcDateTime;
                var dossier = Dossier.Open(unit, level, 2026, definition, id => criteria.Find(id)!, official, now, calendar);
                if (blobs is not null)
                {
                    var sha256 = await WriteBlobAsync(blobs);
                    db.Documents.Add(dossier.AddDocument(definition, "anh-minh-hoa", 1, "anh.pdf", "application/pdf", PaperBytes, sha256, [], official, now));
                }
                foreach (var action in Path)
                {
                    dossier.Act(definition, action, input, passing, official, dossier.Version, now, calendar);
                }
                db.Dossiers.Add(dossier);
            }
            await db.SaveChangesAsync();
        }
    }

    public const int PaperBytes = 4096;

    private static async Task<string> WriteBlobAsync(string blobs)
    {
        var bytes = System.Security.Cryptography.RandomNumberGenerator.GetBytes(PaperBytes);
        "%PDF-1.7"u8.CopyTo(bytes);
        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        var folder = System.IO.Path.Combine(blobs, sha256[..2], sha256[2..4]);
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(System.IO.Path.Combine(folder, sha256), bytes);
        return sha256;
    }
}
