namespace NtmWorkflow.Web.Tests.Support;

/// <summary>
/// Tests that scrape the OpenTelemetry SDK run alone. The SDK listens to every meter of our name in the process, not
/// only the one its own host made, and when another test's host is disposed the series it shared with ours end and
/// vanish from the scrape. One application per process, as deployed, never meets this.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "telemetry";
}
