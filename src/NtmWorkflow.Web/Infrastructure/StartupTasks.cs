using Microsoft.Extensions.Options;
using NtmWorkflow.Engine.Calendar;
using NtmWorkflow.Engine.Drafts;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Features.Units;
using NtmWorkflow.Web.Seeding;
using NtmWorkflow.Web.Workflows;

namespace NtmWorkflow.Web.Infrastructure;

/// <summary>
/// Runs before the server accepts requests: loads and validates definitions, calendars, commune groups and the drafted papers' wording (a broken file stops
/// start-up with file, line and reason), migrates the database, loads units, and seeds demo users where allowed —
/// under <see cref="StartupLock"/>, so instances started together take turns.
/// </summary>
internal sealed class StartupTasks(
    IServiceProvider services, IHostEnvironment environment, IOptions<SeedOptions> seed, IOptions<WorkflowOptions> workflows,
    TimeProvider clock, ILogger<StartupTasks> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var registry = services.GetRequiredService<DefinitionRegistry>();
        services.GetRequiredService<ICommuneGroupCodes>();
        services.GetRequiredService<DraftWordingCatalog>();
        foreach (var year in services.GetRequiredService<WorkingCalendar>().Years.Where(y => y.Provisional))
        {
            logger.LogWarning(
                "Lịch năm {Year} là lịch tạm tính ({Source}): thời hạn rơi vào năm này cần kiểm tra lại khi có thông báo chính thức.",
                year.Year, year.Source);
        }
        foreach (var (day, basis) in services.GetRequiredService<WorkingCalendar>().Years.SelectMany(y => y.ProvisionalDays))
        {
            logger.LogWarning("Ngày nghỉ {Day:dd/MM/yyyy} là ngày nghỉ tạm tính ({Basis}): thời hạn đi qua ngày này được đánh dấu tạm tính.",
                day, basis);
        }
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await DatabaseSetup.CreateIfMissingAsync(db, cancellationToken);
        // Every instance of a cluster runs what follows when it starts; one at a time, each finds the others' rows.
        await using (await StartupLock.AcquireAsync(db, cancellationToken))
        {
            await DatabaseSetup.MigrateAsync(db, cancellationToken);
            await UnitFileSync.SyncAsync(db, workflows.Value.ResolveUnitsFile(), clock.GetUtcNow().UtcDateTime, logger, cancellationToken);
            await services.GetRequiredService<CriteriaRegistry>().PublishAsync(db, clock.GetUtcNow().UtcDateTime, cancellationToken);
            await registry.PublishAsync(db, clock.GetUtcNow().UtcDateTime, cancellationToken);
            if (SeedDemo())
            {
                await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
                await scope.ServiceProvider.GetRequiredService<DemoHistory>().SeedAsync(cancellationToken);
                await scope.ServiceProvider.GetRequiredService<DemoProgramme>().SeedAsync(cancellationToken);
            }
        }
        logger.LogInformation("NtmWorkflow ready: {Definitions} definitions on {Provider}",
            registry.Current.Count, db.Database.ProviderName);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private bool SeedDemo()
    {
        if (environment.IsProduction())
        {
            if (seed.Value.Demo)
            {
                logger.LogWarning("Demo data is never seeded in Production; Seed:Demo / --seed-demo ignored.");
            }
            return false;
        }
        return seed.Value.Demo || environment.IsDevelopment();
    }
}
