using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using NtmWorkflow.Web.Data;

namespace NtmWorkflow.Web.Tests.Support;

/// <summary>Moves a test's database back to just before one migration, as a database of the release before it, and up again.</summary>
public static class MigrationSteps
{
    /// <param name="migration">The migration's name, without its timestamp.</param>
    public static async Task MigrateAsync(NtmApp app, string migration, bool toBefore)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var migrations = db.Database.GetMigrations().ToList();
        var named = migrations.Single(m => m.EndsWith($"_{migration}", StringComparison.Ordinal));
        await db.GetService<IMigrator>().MigrateAsync(toBefore ? migrations[migrations.IndexOf(named) - 1] : null);
    }
}
