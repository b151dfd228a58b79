using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace NtmWorkflow.Web.Infrastructure.Telemetry;

/// <summary>
/// The application's own measurements, on the meter <see cref="MeterName"/>. Tags hold only values the definitions
/// and the code bound (action names, refusal reasons, job names), never a dossier, user or unit, so that a series
/// stays a series and not one per dossier.
/// </summary>
public sealed class AppMetrics
{
    public const string MeterName = "NtmWorkflow";

    private readonly Counter<long> actions;
    private readonly Counter<long> refusals;
    private readonly Counter<long> reminders;
    private readonly Counter<long> failedEmails;
    private readonly Counter<long> uploads;
    private readonly Counter<long> uploadedBytes;
    private readonly Histogram<double> jobDuration;

    public AppMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        actions = meter.CreateCounter<long>("ntm.workflow.actions", "{action}",
            "Workflow actions committed (dossier creation counts as the action 'create'), by action name.");
        refusals = meter.CreateCounter<long>("ntm.workflow.refusals", "{refusal}",
            "Workflow actions refused, by action name and reason; a move blocked by several gates counts once per gate.");
        reminders = meter.CreateCounter<long>("ntm.reminders.sent", "{notice}", "Deadline reminder notices written.");
        failedEmails = meter.CreateCounter<long>("ntm.emails.failed", "{attempt}", "E-mail delivery attempts that failed and wait for a retry.");
        uploads = meter.CreateCounter<long>("ntm.documents.uploads", "{file}", "Dossier documents uploaded and committed.");
        uploadedBytes = meter.CreateCounter<long>("ntm.documents.uploaded", "By", "Bytes of the dossier documents uploaded and committed.");
        jobDuration = meter.CreateHistogram<double>("ntm.job.duration", "s", "Background job runs, by job and outcome.");
    }

    public void ActionTaken(string action) => actions.Add(1, new KeyValuePair<string, object?>("action", action));

    public void ActionRefused(string action, string reason) =>
        refusals.Add(1, new KeyValuePair<string, object?>("action", action), new KeyValuePair<string, object?>("reason", reason));

    public void RemindersSent(int notices)
    {
        if (notices > 0)
        {
            reminders.Add(notices);
        }
    }

    public void EmailFailed() => failedEmails.Add(1);

    public void DocumentUploaded(long bytes)
    {
        uploads.Add(1);
        uploadedBytes.Add(bytes);
    }

    public void JobRan(string job, bool succeeded, TimeSpan elapsed)
    {
        var tags = new TagList { { "job", job }, { "outcome", succeeded ? "success" : "failure" } };
        jobDuration.Record(elapsed.TotalSeconds, tags);
    }
}
