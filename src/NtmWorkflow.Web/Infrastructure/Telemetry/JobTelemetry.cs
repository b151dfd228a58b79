using System.Diagnostics;

namespace NtmWorkflow.Web.Infrastructure.Telemetry;

public static class JobTelemetry
{
    public const string SourceName = "NtmWorkflow.Jobs";

    /// <summary>One span per job run; the database spans of the run nest under it.</summary>
    public static readonly ActivitySource Source = new(SourceName);
}
