using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace NtmWorkflow.Web.Tests.Support;

/// <summary>Drives a council session through the API: open, add dossiers, attendance, votes, minutes, conclude.</summary>
public sealed class Council(NtmApp app, string convener = Procedure.Appraiser)
{
    public static readonly object[] TwentyMembers =
        Enumerable.Range(1, 20).Select(i => (object)new { name = $"Thành viên {i}", position = i == 1 ? "Chủ tịch Hội đồng" : "Ủy viên" }).ToArray();

    public static IReadOnlyList<string> FirstMembers(int count) => Enumerable.Range(1, count).Select(i => $"Thành viên {i}").ToList();

    public async Task<HttpResponseMessage> TryOpen(object? body = null, string? user = null) =>
        await (await app.As(user ?? convener)).PostAsJsonAsync("/api/council-sessions",
            body ?? new { title = "Phiên họp thử nghiệm", number = "01/HĐTĐ", meetingDate = app.Clock.TodayText, members = TwentyMembers });

    public async Task<JsonElement> Open(object? body = null) => await Procedure.Must(await TryOpen(body));

    public async Task<JsonElement> Get(JsonElement session, string? user = null) =>
        await Procedure.Must(await (await app.As(user ?? convener)).GetAsync($"/api/council-sessions/{Id(session)}"));

    public async Task<HttpResponseMessage> TryAdd(JsonElement session, params JsonElement[] dossiers) =>
        await (await app.As(convener)).PostAsJsonAsync($"/api/council-sessions/{Id(session)}/dossiers", new
        {
            expectedVersion = Version(session),
            dossiers = dossiers.Select(d => new { id = Procedure.Id(d), version = d.GetProperty("version").GetInt32() }).ToArray(),
        });

    public async Task<JsonElement> Add(JsonElement session, params JsonElement[] dossiers) => await Procedure.Must(await TryAdd(session, dossiers));

    public async Task<HttpResponseMessage> TryAttend(JsonElement session, IEnumerable<string> present) =>
        await (await app.As(convener)).PutAsJsonAsync($"/api/council-sessions/{Id(session)}/attendance",
            new { expectedVersion = Version(session), present });

    public async Task<JsonElement> Attend(JsonElement session, int present) => await Procedure.Must(await TryAttend(session, FirstMembers(present)));

    public async Task<HttpResponseMessage> TryVote(JsonElement session, JsonElement dossier, int agree, string? note = null, int? dossierVersion = null) =>
        await (await app.As(convener)).PutAsJsonAsync($"/api/council-sessions/{Id(session)}/dossiers/{Procedure.Id(dossier)}/vote",
            new { expectedVersion = Version(session), dossierVersion = dossierVersion ?? dossier.GetProperty("version").GetInt32(), agree, note });

    public async Task<JsonElement> Vote(JsonElement session, JsonElement dossier, int agree, string? note = null) =>
        await Procedure.Must(await TryVote(session, dossier, agree, note));

    public async Task<HttpResponseMessage> TryMinutes(JsonElement session, byte[]? bytes = null, string fileName = "bien-ban-hoi-dong.pdf")
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(Version(session).ToString()), "expectedVersion");
        form.Add(new ByteArrayContent(bytes ?? Encoding.UTF8.GetBytes("%PDF-1.7\n% biên bản họp hội đồng\n")), "file", fileName);
        return await (await app.As(convener)).PostAsync($"/api/council-sessions/{Id(session)}/minutes", form);
    }

    public async Task<JsonElement> Minutes(JsonElement session, byte[]? bytes = null) => await Procedure.Must(await TryMinutes(session, bytes));

    public async Task<HttpResponseMessage> TryConclude(JsonElement session) =>
        await (await app.As(convener)).PostAsJsonAsync($"/api/council-sessions/{Id(session)}/conclude", new { expectedVersion = Version(session) });

    public async Task<JsonElement> Conclude(JsonElement session) => await Procedure.Must(await TryConclude(session));

    /// <summary>The session's row for one dossier.</summary>
    public static JsonElement Row(JsonElement session, JsonElement dossier) =>
        session.GetProperty("dossiers").EnumerateArray().Single(d => d.GetProperty("dossierId").GetString() == Procedure.Id(dossier));

    public static string Id(JsonElement session) => session.GetProperty("id").GetString()!;

    public static int Version(JsonElement session) => session.GetProperty("version").GetInt32();
}
