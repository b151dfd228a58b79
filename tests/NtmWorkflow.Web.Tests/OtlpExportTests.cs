using System.Collections.Concurrent;
using System.Net;
using System.Text;
using NtmWorkflow.Web.Features.Notifications;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>Metrics and traces reach an OTLP/HTTP receiver on loopback when <c>OpenTelemetry:OtlpEndpoint</c> names it.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class OtlpExportTests
{
    private sealed class OtlpApp(int port) : NtmApp
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [
            new("OpenTelemetry:OtlpEndpoint", $"http://127.0.0.1:{port}"),
            new("OpenTelemetry:OtlpProtocol", "http/protobuf"),
            new("OpenTelemetry:ServiceName", "ntm-workflow-otlp-test"),
            // The SDK's standard setting, read from configuration: export while the host runs, not only at its end.
            new("OTEL_METRIC_EXPORT_INTERVAL", "250"),
            new("OTEL_BSP_SCHEDULE_DELAY", "250"),
        ];
    }

    [Fact]
    public async Task MetricsAndTraces_ArePostedToTheConfiguredCollector()
    {
        var port = LoopbackPort.Free();
        using var receiver = new HttpListener();
        receiver.Prefixes.Add($"http://127.0.0.1:{port}/");
        receiver.Start();
        var received = new ConcurrentQueue<(string Path, string? ContentType, byte[] Body)>();
        var receiving = Task.Run(async () =>
        {
            while (receiver.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await receiver.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                received.Enqueue((context.Request.Url!.AbsolutePath, context.Request.ContentType, body.ToArray()));
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        });

        var app = new OtlpApp(port);
        try
        {
            var procedure = new Procedure(app);
            var commune = await app.NewCommune();
            var dossier = await procedure.Create(commune);
            await procedure.MustAct(commune.Officer, dossier, "open-public-comment");
            await app.RunJob(new SendReminders.Command());
            for (var waited = 0; waited < 300 && !(Exported(received, "/v1/metrics", "ntm.workflow.actions")
                && Exported(received, "/v1/traces", "job SendReminders") && Exported(received, "/v1/traces", "/api/dossiers/{id:guid}/actions/{action}")); waited++)
            {
                await Task.Delay(100);
            }
        }
        finally
        {
            // Stopping the host flushes what the exporters still hold.
            await app.DisposeAsync();
        }
        receiver.Stop();
        await receiving;

        var metrics = Assert.Single(received.Where(r => r.Path == "/v1/metrics" && Holds(r.Body, "ntm.workflow.actions")).Take(1));
        Assert.Equal("application/x-protobuf", metrics.ContentType);
        Assert.True(Holds(metrics.Body, "ntm-workflow-otlp-test"));
        var traces = received.Where(r => r.Path == "/v1/traces").Select(r => r.Body).ToList();
        Assert.Contains(traces, body => Holds(body, "job SendReminders"));
        Assert.Contains(traces, body => Holds(body, "/api/dossiers/{id:guid}/actions/{action}"));
    }

    private static bool Exported(IEnumerable<(string Path, string? ContentType, byte[] Body)> received, string path, string text) =>
        received.Any(r => r.Path == path && Holds(r.Body, text));

    /// <summary>OTLP's protobuf carries names and string values as plain UTF-8.</summary>
    private static bool Holds(byte[] body, string text) => body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}
