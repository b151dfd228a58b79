using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>
/// The migration BackfillCriterionStatuses: run back down and up again over a database holding dossiers, it takes each
/// commune's latest self-assessment of each criterion as its year's status, and leaves the yearly form's records alone.
/// </summary>
public sealed class CriterionStatusBackfillTests(NtmApp app) : IClassFixture<NtmApp>
{
    [Fact]
    public async Task TheLatestSelfAssessmentOfEachCriterion_BecomesTheYearsCurrentStatus()
    {
        app.Clock.Now = NtmApp.Start;
        var procedure = new Procedure(app);
        var assessed = await app.NewCommune();
        var dossier = await procedure.Create(assessed);
        await Procedure.Must(await (await app.As(assessed.Officer)).PutAsJsonAsync(
            $"/api/dossiers/{Procedure.Id(dossier)}/criteria/3", new { met = false, explanation = "Chưa đủ tưới tiêu" }));
        var recorded = await app.NewCommune();
        await Procedure.Must(await (await app.As(recorded.Officer)).PutAsJsonAsync(
            $"/api/communes/{recorded.Code}/criteria-status/2025/4", new { met = true }));

        await MigrateAsync(toBefore: true);
        Assert.Empty(await StatusesAsync(assessed.Code));
        Assert.Single(await StatusesAsync(recorded.Code));

        await MigrateAsync(toBefore: false);

        var statuses = await StatusesAsync(assessed.Code);
        Assert.Equal(19, statuses.Count);
        Assert.All(statuses, s => Assert.True(s.IsCurrent && s.Source == CriterionStatus.FromDossier && s.Year == 2025 && !s.Confirmed));
        Assert.All(statuses, s => Assert.Equal(Procedure.Id(dossier), s.DossierId.ToString()));
        Assert.Equal("commune-ntm-2021", statuses[0].CriteriaSetId);
        Assert.Equal(Enumerable.Range(1, 19).Where(n => n != 3), statuses.Where(s => s.Met).Select(s => s.Number));
        Assert.Equal("Chưa đủ tưới tiêu", statuses.Single(s => s.Number == 3).Note);
        Assert.Equal(assessed.Officer, statuses[0].RecordedBy);
        var status = await Procedure.Must(await (await app.As(Procedure.Appraiser)).GetAsync($"/api/communes/{assessed.Code}/criteria-status?year=2025"));
        Assert.Equal(18, status.GetProperty("met").GetInt32());
        Assert.Equal(CriterionStatus.FromCommune, Assert.Single(await StatusesAsync(recorded.Code)).Source);
    }

    private Task MigrateAsync(bool toBefore) => MigrationSteps.MigrateAsync(app, "BackfillCriterionStatuses", toBefore);

    private async Task<List<CriterionStatus>> StatusesAsync(string unitCode)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.CriterionStatuses.AsNoTracking().Where(s => s.UnitCode == unitCode).OrderBy(s => s.Number).ToListAsync();
    }
}
