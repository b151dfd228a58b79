using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Seeding;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>
/// Instances started at the same moment on one database all come up: on an empty database (creation, migrations,
/// units, definitions, demo users) and on a redeploy that brings a new unit. PostgreSQL is the deployment this is for;
/// on SQLite, which serves one instance, the same start must still leave one consistent file.
/// </summary>
public sealed class ConcurrentStartupTests
{
    private const int Instances = 3;
    private const int ShippedUnits = 22;
    private const int AddedElsewhere = 1000;
    private const string LastTraCuCommune = "          - { code: tra-vinh.tra-cu.ngoc-bien, name: Xã Ngọc Biên, kind: xa }";
    private const string NewCommune = "tra-vinh.tra-cu.ham-giang";

    [Fact]
    public async Task OnAnEmptyDatabase_ThreeInstancesStartedTogether_AllComeUp()
    {
        var outcome = await StartTogether(AppOnFolder.CopyOfShippedWorkflows(), Guid.NewGuid().ToString("N"));

        Assert.Equal(ShippedUnits, outcome.Units);
        Assert.Equal(DemoSeeder.Users.Count, outcome.DemoUsers);
    }

    [Fact]
    public async Task OnARedeployThatAddsAUnit_ThreeInstancesStartedTogether_AllComeUp()
    {
        var folder = AppOnFolder.CopyOfShippedWorkflows();
        var key = await AppOnFolder.RunOnce(folder);
        var units = Path.Combine(folder, "units", "units.yaml");
        var text = await File.ReadAllTextAsync(units);
        Assert.Contains(LastTraCuCommune, text);
        // One new commune is the ordinary case; a new district's worth of communes besides keeps the instances' unit
        // loads overlapping on a busy test machine, where one row's would be over before the next instance reads.
        var added = Enumerable.Range(1, AddedElsewhere)
            .Select(n => $"\n          - {{ code: tra-vinh.tra-cu.moi-{n}, name: Xã Mới {n}, kind: commune }}");
        await File.WriteAllTextAsync(units, text.Replace(LastTraCuCommune,
            LastTraCuCommune + $"\n          - {{ code: {NewCommune}, name: Xã Hàm Giang, kind: commune }}" + string.Concat(added)));

        var outcome = await StartTogether(folder, key);

        Assert.Equal(ShippedUnits + 1 + AddedElsewhere, outcome.Units);
        Assert.True(outcome.HasNewCommune);
        Assert.Equal(DemoSeeder.Users.Count, outcome.DemoUsers);
    }

    private sealed record Outcome(int Units, bool HasNewCommune, int DemoUsers);

    /// <summary>Starts the instances on threads of their own at once, checks each answers, stops them, drops the database.</summary>
    private static async Task<Outcome> StartTogether(string folder, string key)
    {
        // The first one is disposed last, and drops the database.
        var apps = Enumerable.Range(0, Instances).Select(i => new AppOnFolder(folder, key, keepDatabase: i > 0)).ToList();
        try
        {
            using var ready = new Barrier(Instances);
            var clients = await Task.WhenAll(apps.Select(app => Task.Run(() =>
            {
                ready.SignalAndWait();
                return app.CreateClient();
            })));
            foreach (var client in clients)
            {
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
            }
            using var scope = apps[0].Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var demoUserNames = DemoSeeder.Users.Select(u => u.UserName).ToList();
            return new Outcome(
                await db.Units.CountAsync(),
                await db.Units.AnyAsync(u => u.Code == NewCommune),
                await db.Users.CountAsync(u => demoUserNames.Contains(u.UserName!)));
        }
        finally
        {
            foreach (var app in Enumerable.Reverse(apps))
            {
                await app.DisposeAsync();
            }
        }
    }
}
