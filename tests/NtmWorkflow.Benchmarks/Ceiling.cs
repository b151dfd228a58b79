using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NtmWorkflow.Web.Data;

namespace NtmWorkflow.Benchmarks;

/// <summary>
/// What the machine and database allow without the application: a bare endpoint, ahead of routing, authentication,
/// the MediatR pipeline and the aggregate, that makes the row writes of one transition (update the dossier's row,
/// append its timeline event and one notice) in one transaction on the same database.
/// </summary>
public sealed class Ceiling : IStartupFilter
{
    public const string Path = "/bench/ceiling";
    public const int Rows = 1000;

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (context.Request.Path != Path)
            {
                await nextMiddleware(context);
                return;
            }
            var db = context.RequestServices.GetRequiredService<AppDbContext>();
            var row = int.Parse(context.Request.Query["row"]!, CultureInfo.InvariantCulture);
            var at = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE bench_rows SET n = n + 1 WHERE id = {row}");
            await db.Database.ExecuteSqlInterpolatedAsync($"INSERT INTO bench_writes (row_id, kind, at) VALUES ({row}, 'event', {at})");
            await db.Database.ExecuteSqlInterpolatedAsync($"INSERT INTO bench_writes (row_id, kind, at) VALUES ({row}, 'notice', {at})");
            await transaction.CommitAsync();
            context.Response.StatusCode = StatusCodes.Status204NoContent;
        });
        next(app);
    };

    public static async Task CreateTablesAsync(BenchHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.ExecuteSqlRawAsync("CREATE TABLE bench_rows (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)");
        await db.Database.ExecuteSqlRawAsync("CREATE TABLE bench_writes (row_id INTEGER NOT NULL, kind VARCHAR(20) NOT NULL, at VARCHAR(40) NOT NULL)");
        for (var id = 0; id < Rows; id++)
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"INSERT INTO bench_rows (id, n) VALUES ({id}, 0)");
        }
    }

    public static async Task<Transitions.Result> RunAsync(BenchHost host, int clients, int perClient)
    {
        var latencies = new Latencies();
        var started = Stopwatch.GetTimestamp();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            using var http = new HttpClient { BaseAddress = host.BaseAddress };
            for (var i = 0; i < perClient; i++)
            {
                var row = (c * perClient + i) % Rows;
                await latencies.TimeAsync(async () => (await http.PostAsync($"{Path}?row={row}", null)).EnsureSuccessStatusCode());
            }
        })));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var cpuPerRequest = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / latencies.Count;
        return new Transitions.Result(clients, 0, latencies.Count, seconds, latencies.Count / seconds,
            latencies.Percentile(50), latencies.Percentile(95), latencies.Percentile(99), [], cpuPerRequest);
    }
}
