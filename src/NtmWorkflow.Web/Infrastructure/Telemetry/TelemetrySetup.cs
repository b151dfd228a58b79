using Microsoft.AspNetCore.Authorization;
using NtmWorkflow.Engine;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace NtmWorkflow.Web.Infrastructure.Telemetry;

/// <summary>Settings of section <c>OpenTelemetry</c>.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "OpenTelemetry";

    /// <summary>Where to send metrics and traces over OTLP; unset (and no OTEL_EXPORTER_OTLP_ENDPOINT), nothing is sent.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>grpc</c> (port 4317 on a collector) or <c>http/protobuf</c> (port 4318).</summary>
    public string OtlpProtocol { get; set; } = "grpc";

    public string ServiceName { get; set; } = "ntm-workflow";

    /// <summary>Whether administrators can scrape <see cref="TelemetrySetup.ScrapePath"/>.</summary>
    public bool Prometheus { get; set; } = true;
}

/// <summary>
/// Metrics of ASP.NET Core, the .NET runtime, Npgsql and our own meter; traces of requests, EF Core commands and jobs.
/// Metrics are kept for the Prometheus scrape endpoint; both signals go out over OTLP only when an endpoint is set,
/// and without one no trace is even recorded.
/// </summary>
public static class TelemetrySetup
{
    public const string ScrapePath = "/metrics";

    public const string MetricsReaders = "metrics-readers";

    private const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var otlp = Otlp(options, configuration);
        services.AddSingleton<AppMetrics>();
        // The default scheme answers a bearer token or the sign-in cookie, and refuses with a bare 401/403: a scraper
        // is not a browser to be sent to the sign-in page.
        services.AddAuthorizationBuilder().AddPolicy(MetricsReaders, policy => policy.RequireRole(Roles.Administrator));
        var telemetry = services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService(options.ServiceName));
        telemetry.WithMetrics(metrics =>
        {
            metrics.AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(AppMetrics.MeterName, "Npgsql");
            if (options.Prometheus)
            {
                metrics.AddPrometheusExporter();
            }
            if (otlp is not null)
            {
                metrics.AddOtlpExporter(exporter => otlp(exporter, "v1/metrics"));
            }
        });
        if (otlp is not null)
        {
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(aspNet => aspNet.Filter = http => !http.Request.Path.StartsWithSegments(ScrapePath))
                .AddEntityFrameworkCoreInstrumentation()
                .AddSource(JobTelemetry.SourceName)
                .AddOtlpExporter(exporter => otlp(exporter, "v1/traces")));
        }
        return services;
    }

    /// <summary>Serves the scrape endpoint, when enabled, to administrators only.</summary>
    public static void MapTelemetry(this IEndpointRouteBuilder app, IConfiguration configuration)
    {
        if (configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>()?.Prometheus ?? true)
        {
            app.MapPrometheusScrapingEndpoint(ScrapePath).RequireAuthorization(MetricsReaders);
        }
    }

    /// <summary>
    /// How to point an OTLP exporter, or null when nothing is configured. The standard OTEL_EXPORTER_OTLP_* variables
    /// are read by the exporter itself; our own setting names a collector's base address, to which the HTTP protocol
    /// needs each signal's path added.
    /// </summary>
    private static Action<OtlpExporterOptions, string>? Otlp(TelemetryOptions options, IConfiguration configuration)
    {
        if (!string.IsNullOrWhiteSpace(options.OtlpEndpoint))
        {
            var protocol = options.OtlpProtocol switch
            {
                "grpc" => OtlpExportProtocol.Grpc,
                "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
                var other => throw new InvalidOperationException(
                    $"{TelemetryOptions.Section}:{nameof(TelemetryOptions.OtlpProtocol)} must be 'grpc' or 'http/protobuf', not '{other}'."),
            };
            var endpoint = new Uri(options.OtlpEndpoint.TrimEnd('/') + "/");
            return (exporter, signalPath) =>
            {
                exporter.Protocol = protocol;
                exporter.Endpoint = protocol == OtlpExportProtocol.HttpProtobuf ? new Uri(endpoint, signalPath) : endpoint;
            };
        }
        return string.IsNullOrWhiteSpace(configuration[OtlpEndpointVariable]) ? null : (_, _) => { };
    }
}
