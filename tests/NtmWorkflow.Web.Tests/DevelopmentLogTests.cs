using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>
/// What a newcomer sees in the terminal after `dotnet run` (Development, the shipped appsettings.json): a few lines of
/// what happened, not the SQL of every request.
/// </summary>
public sealed class DevelopmentLogTests(DevelopmentLogTests.DevelopmentApp app) : IClassFixture<DevelopmentLogTests.DevelopmentApp>
{
    private readonly Procedure procedure = new(app);

    [Fact]
    public async Task AWorkingSession_LogsNoSqlAndNoPerRequestChatter_AtInformation()
    {
        _ = app.Services;
        var before = app.Log.Count;
        var commune = await app.NewCommune();
        var dossier = await procedure.Create(commune);
        await procedure.MustAct(commune.Officer, dossier, "open-public-comment");
        var session = new PageSession(app);
        await session.SignIn(commune.Officer);
        await session.Html("/Dossiers");
        await session.Html("/Notifications");

        Assert.Contains(app.Log, e => e.Message.StartsWith("NtmWorkflow ready", StringComparison.Ordinal));
        var shown = app.Log.Skip(before).Where(e => e.Level == LogLevel.Information).ToList();
        Assert.DoesNotContain(app.Log, e => e.Level == LogLevel.Information && e.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Log, e => e.Category == "Microsoft.EntityFrameworkCore.Migrations" && e.Message.Contains("cannot be executed in a transaction", StringComparison.Ordinal));
        Assert.DoesNotContain(shown, e => e.Message.Contains("SELECT", StringComparison.Ordinal) || e.Message.Contains("INSERT INTO", StringComparison.Ordinal));
        Assert.DoesNotContain(shown, e => e.Category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.True(shown.Count <= 5, "Lines at Information:\n" + string.Join('\n', shown.Select(e => $"{e.Level} {e.Category}: {e.Message}")));
    }

    public sealed record Entry(LogLevel Level, string Category, string Message);

    /// <summary>The app as `dotnet run` starts it, every log line it lets through kept for the test to read.</summary>
    public sealed class DevelopmentApp : NtmApp
    {
        public ConcurrentQueue<Entry> Log { get; } = new();

        protected override string Environment => "Development";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddLogging(logging => logging.AddProvider(new Capture(Log))));
        }
    }

    private sealed class Capture(ConcurrentQueue<Entry> log) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, log);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<Entry> log) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                log.Enqueue(new Entry(logLevel, category, formatter(state, exception)));
        }
    }
}
