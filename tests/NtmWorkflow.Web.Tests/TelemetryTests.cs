using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using NtmWorkflow.Web.Features.Notifications;
using NtmWorkflow.Web.Infrastructure.Telemetry;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>
/// The application's own metrics, taken through the real pipeline and read back two ways: exactly, from this app's
/// meter, and as an administrator scraping /metrics would see them.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed partial class TelemetryTests(TelemetryTests.TelemetryApp app) : IClassFixture<TelemetryTests.TelemetryApp>
{
    private readonly Procedure procedure = new(app);

    /// <summary>E-mail goes to a loopback port nothing listens on, so every delivery attempt fails.</summary>
    public sealed class TelemetryApp : NtmApp
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [
            new("Email:Host", "127.0.0.1"),
            new("Email:Port", LoopbackPort.Free().ToString(CultureInfo.InvariantCulture)),
            new("Email:Security", "None"),
            new("Email:From", "ntm@dongthap.gov.vn"),
            new("Email:TimeoutSeconds", "5"),
        ];
    }

    [Fact]
    public async Task ActionsRefusalsAndUploads_AreCounted_AndScrapedByAnAdministrator()
    {
        using var recorder = new MeterRecorder(app);
        var unassessed = await app.NewCommune();
        var refused = await procedure.Create(unassessed, qualify: false);
        var commune = await app.NewCommune();
        var qualified = await procedure.Create(commune);

        await ProblemAssert.Is(HttpStatusCode.Conflict, await procedure.Act(unassessed.Officer, refused, "open-public-comment"));
        await procedure.MustAct(commune.Officer, qualified, "open-public-comment");
        // Heard from here on: the action above uploaded the papers it requires first.
        using var uploads = new MeterRecorder(app);
        await Procedure.Must(await procedure.Upload(commune.Officer, qualified, "anh-minh-hoa", "anh.pdf", Procedure.Pdf(12_345)));

        Assert.Equal(2, recorder.Sum("ntm.workflow.actions", ("action", "create")));
        Assert.Equal(1, recorder.Sum("ntm.workflow.actions", ("action", "open-public-comment")));
        // Nothing assessed: both the criteria gate and the conditions gate refuse the move.
        Assert.Equal(1, recorder.Sum("ntm.workflow.refusals", ("action", "open-public-comment"), ("reason", "criteria")));
        Assert.Equal(1, recorder.Sum("ntm.workflow.refusals", ("action", "open-public-comment"), ("reason", "conditions")));
        Assert.Equal(1, uploads.Sum("ntm.documents.uploads"));
        Assert.Equal(12_345, uploads.Sum("ntm.documents.uploaded"));

        var scraped = await Scrape(await app.As("admin"));
        Assert.True(Scraped(scraped, "ntm_workflow_actions_total", "action=\"open-public-comment\"") >= 1, scraped);
        Assert.True(Scraped(scraped, "ntm_workflow_refusals_total", "reason=\"criteria\"") >= 1, scraped);
        Assert.True(Scraped(scraped, "ntm_documents_uploaded_bytes_total") >= 12_345, scraped);
        // The instrumentations' metrics are served alongside ours.
        Assert.Contains("http_server_request_duration_seconds_bucket", scraped);
        Assert.Contains("dotnet_gc_collections_total", scraped);
    }

    [Fact]
    public async Task AnActionNotInTheDefinition_IsCountedUnderUnknown_NotUnderTheNameSent()
    {
        using var recorder = new MeterRecorder(app);
        var commune = await app.NewCommune();
        var dossier = await procedure.Create(commune, qualify: false);

        await ProblemAssert.Is(HttpStatusCode.Conflict, await procedure.Act(commune.Officer, dossier, "tu-dat-ten-" + Guid.NewGuid()));

        Assert.Equal(1, recorder.Sum("ntm.workflow.refusals", ("action", "unknown"), ("reason", "not-available")));
        Assert.Equal(1, recorder.Count("ntm.workflow.refusals"));
    }

    [Fact]
    public async Task TheScrapeEndpoint_AnswersAdministratorsOnly()
    {
        var commune = await app.NewCommune();

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync(TelemetrySetup.ScrapePath)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As(commune.Officer)).GetAsync(TelemetrySetup.ScrapePath)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await PageSession.SignedIn(app, commune.Officer)).Get(TelemetrySetup.ScrapePath)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As(Procedure.Appraiser)).GetAsync(TelemetrySetup.ScrapePath)).StatusCode);

        var byCookie = await (await PageSession.SignedIn(app, "admin")).Get(TelemetrySetup.ScrapePath);
        Assert.Equal(HttpStatusCode.OK, byCookie.StatusCode);
        Assert.Equal("text/plain", byCookie.Content.Headers.ContentType?.MediaType);
        Assert.Contains("# TYPE ", await byCookie.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await (await app.As("admin")).GetAsync(TelemetrySetup.ScrapePath)).StatusCode);
    }

    [Fact]
    public async Task JobRuns_AreTracedAndTimed_AndCountRemindersAndFailedEmails()
    {
        using var recorder = new MeterRecorder(app);
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == JobTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { lock (spans) { spans.Add(activity); } },
        };
        ActivitySource.AddActivityListener(listener);
        await Procedure.Must(await (await app.As(Procedure.District)).PutAsJsonAsync("/api/me/notification-settings",
            new { email = "thamtra@hongngu.gov.vn", emailPreference = "immediate" }));
        await procedure.EnterDistrictReview(await app.NewCommune(), Notices.Vietnam(2026, 3, 2, 9));

        await app.RunJob(new DeliverEmails.Command());
        app.Clock.Now = Notices.Vietnam(2026, 3, 25, 7);
        var reminders = await app.RunJob(new SendReminders.Command());

        Assert.True(reminders >= 1);
        Assert.Equal(reminders, recorder.Sum("ntm.reminders.sent"));
        Assert.True(recorder.Sum("ntm.emails.failed") >= 1);
        Assert.Equal(1, recorder.Count("ntm.job.duration", ("job", "SendReminders"), ("outcome", "success")));
        Assert.Equal(1, recorder.Count("ntm.job.duration", ("job", "DeliverEmails"), ("outcome", "success")));
        lock (spans)
        {
            Assert.Contains(spans, s => s.DisplayName == "job SendReminders" && Equals(s.GetTagItem("ntm.job.items"), reminders));
            Assert.Contains(spans, s => s.DisplayName == "job DeliverEmails");
        }
        var scraped = await Scrape(await app.As("admin"));
        Assert.True(Scraped(scraped, "ntm_job_duration_seconds_count", "job=\"SendReminders\"") >= 1, scraped);
        Assert.True(Scraped(scraped, "ntm_reminders_sent_total") >= reminders, scraped);
        Assert.True(Scraped(scraped, "ntm_emails_failed_total") >= 1, scraped);
    }

    private static async Task<string> Scrape(HttpClient admin)
    {
        var response = await admin.GetAsync(TelemetrySetup.ScrapePath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The sum of the scraped samples of <paramref name="metric"/> whose labels contain <paramref name="label"/>.</summary>
    private static double Scraped(string exposition, string metric, string label = "") =>
        Sample().Matches(exposition)
            .Where(m => m.Groups["name"].Value == metric && m.Groups["labels"].Value.Contains(label, StringComparison.Ordinal))
            .Sum(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^(?<name>[a-z_:][a-z0-9_:]*)(?:\{(?<labels>[^}]*)\})? (?<value>\S+)", RegexOptions.Multiline)]
    private static partial Regex Sample();
}
