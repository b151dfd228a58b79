using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>How hard SQLite flushes a commit: Database:SqliteSynchronous, "normal" by default, "full" on request.</summary>
public sealed class DurabilityTests
{
    [Theory]
    [InlineData(null, 1)]
    [InlineData("normal", 1)]
    [InlineData("full", 2)]
    [InlineData("FULL", 2)]
    public async Task EveryConnection_FlushesAsConfigured(string? setting, long expected)
    {
        await using var app = new SynchronousApp(setting);
        _ = app.CreateClient();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (app.OnPostgres)
        {
            Assert.True(db.Database.IsNpgsql());
            return;
        }
        Assert.Equal(expected, await db.Database.SqlQueryRaw<long>("SELECT synchronous AS \"Value\" FROM pragma_synchronous").SingleAsync());
    }

    [Fact]
    public async Task AnUnknownLevel_StopsStartUp_NamingTheSetting()
    {
        await using var app = new SynchronousApp("fast");
        if (app.OnPostgres)
        {
            Assert.NotNull(app.CreateClient());
            return;
        }
        var error = Assert.Throws<InvalidOperationException>(() => app.CreateClient());
        Assert.Contains("Database:SqliteSynchronous", error.Message);
        Assert.Contains("'fast'", error.Message);
    }

    private sealed class SynchronousApp(string? level) : NtmApp
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Database:SqliteSynchronous", level)];
    }
}
