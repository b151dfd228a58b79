using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>An app whose database can be taken away and given back while it runs.</summary>
public sealed class OutageApp : NtmApp
{
    private TcpRelay? relay;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings
    {
        get
        {
            if (!OnPostgres)
            {
                return [];
            }
            var direct = new NpgsqlConnectionStringBuilder(PostgresConnection);
            relay ??= new TcpRelay(direct.Host!, direct.Port);
            direct.Host = "127.0.0.1";
            direct.Port = relay.Port;
            return [new("ConnectionStrings:Postgres", direct.ToString())];
        }
    }

    private string Away => DataFolder + ".away";

    public void TakeDatabaseAway()
    {
        if (relay is not null)
        {
            relay.Cut();
            NpgsqlConnection.ClearAllPools();
            return;
        }
        SqliteConnection.ClearAllPools();
        Directory.Move(DataFolder, Away);
    }

    public void GiveDatabaseBack()
    {
        if (relay is not null)
        {
            relay.Restore();
            return;
        }
        Directory.Move(Away, DataFolder);
    }

    public override async Task DisposeAsync()
    {
        if (Directory.Exists(Away))
        {
            Directory.Move(Away, DataFolder);
        }
        relay?.Restore();
        await base.DisposeAsync();
        if (relay is not null)
        {
            await relay.DisposeAsync();
        }
    }
}

/// <summary>While the database cannot be reached, requests answer 503 with Retry-After, never 500; afterwards all works.</summary>
public sealed class DatabaseOutageTests(OutageApp app) : IClassFixture<OutageApp>
{
    [Fact]
    public async Task Reads_Writes_AndSignIns_Answer503WithRetryAfter_ThenRecover()
    {
        var procedure = new Procedure(app);
        var commune = await app.NewCommune();
        var dossier = await procedure.Create(commune, qualify: false);
        var officer = await app.As(commune.Officer);
        var id = Procedure.Id(dossier);

        app.TakeDatabaseAway();
        try
        {
            var responses = new[]
            {
                await officer.GetAsync($"/api/dossiers/{id}"),
                await officer.PutAsJsonAsync($"/api/dossiers/{id}/criteria/1", new { met = true }),
                await app.Anonymous().PostAsJsonAsync("/api/auth/login", new { userName = commune.Officer, password = NtmApp.Password }),
                await app.Anonymous().GetAsync("/api/public/decisions"),
            };
            foreach (var response in responses)
            {
                var problem = await ProblemAssert.Is(HttpStatusCode.ServiceUnavailable, response);
                Assert.Contains("thử lại", problem.Detail());
                Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
            }
            var health = await app.Anonymous().GetAsync("/health");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.Equal("Unhealthy", await health.Content.ReadAsStringAsync());
            Assert.True(health.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        }
        finally
        {
            app.GiveDatabaseBack();
        }

        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/api/dossiers/{id}")).StatusCode);
        Assert.Equal("Healthy", await app.Anonymous().GetStringAsync("/health"));
    }
}
