using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>
/// The migration CurrentCriterionEntries: run back down and up again over a database holding edited and reviewed
/// criteria, it marks each criterion's latest self-assessment and each stage's latest verdict current, and nothing else.
/// </summary>
public sealed class CriterionEntryBackfillTests(NtmApp app) : IClassFixture<NtmApp>
{
    [Fact]
    public async Task UpgradeFromTheMigrationBefore_MarksTheLatestEntriesOfEachKeyCurrent()
    {
        var procedure = new Procedure(app);
        var commune = await app.NewCommune();
        var dossier = await procedure.Create(commune);
        var id = Procedure.Id(dossier);
        var officer = await app.As(commune.Officer);
        await Procedure.Must(await officer.PutAsJsonAsync($"/api/dossiers/{id}/criteria/3", new { met = false, explanation = "Chưa đủ" }));
        await Procedure.Must(await officer.PutAsJsonAsync($"/api/dossiers/{id}/criteria/3", new { met = true, explanation = "Đã đủ" }));
        dossier = await procedure.At(commune, "district-review", existing: await procedure.Get(commune.Officer, dossier));
        var district = await app.As(Procedure.District);
        await Procedure.Must(await district.PutAsJsonAsync($"/api/dossiers/{id}/criteria/3/review", new { agree = false, note = "Xem lại" }));
        await Procedure.Must(await district.PutAsJsonAsync($"/api/dossiers/{id}/criteria/3/review", new { agree = true }));
        var before = await procedure.Criteria(Procedure.District, dossier);

        await MigrateAsync(toBefore: true);
        await MigrateAsync(toBefore: false);

        var entries = await EntriesAsync(Guid.Parse(id));
        var current = entries.Where(e => e.IsCurrent).ToList();
        Assert.Equal(20, current.Count);
        Assert.Equal(Enumerable.Range(1, 19), current.Where(e => e.Kind == CriterionEntry.SelfAssessment).Select(e => e.Number).Order());
        Assert.Equal("Đã đủ", current.Single(e => e.Kind == CriterionEntry.SelfAssessment && e.Number == 3).Note);
        var verdict = current.Single(e => e.Kind == CriterionEntry.Review);
        Assert.True(verdict.Verdict && verdict.Stage == "district-review" && verdict.Number == 3);
        Assert.Equal(3, entries.Count(e => !e.IsCurrent));
        var after = await procedure.Criteria(Procedure.District, dossier);
        Assert.Equal(before.GetProperty("criteria").GetRawText(), after.GetProperty("criteria").GetRawText());
        Assert.Equal(before.GetProperty("met").GetInt32(), after.GetProperty("met").GetInt32());
    }

    private Task MigrateAsync(bool toBefore) => MigrationSteps.MigrateAsync(app, "CurrentCriterionEntries", toBefore);

    private async Task<List<CriterionEntry>> EntriesAsync(Guid dossierId)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.CriterionEntries.AsNoTracking().Where(e => e.DossierId == dossierId).ToListAsync();
    }
}
