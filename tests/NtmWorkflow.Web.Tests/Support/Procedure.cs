using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace NtmWorkflow.Web.Tests.Support;

/// <summary>Drives dossiers through the API: one line to create, act, or bring a dossier to a given stage.</summary>
public sealed class Procedure(NtmApp app)
{
    public const string District = "huyen.hongngu";
    public const string Appraiser = "tinh.dongthap.thamdinh";
    public const string Leader = "tinh.dongthap.lanhdao";
    public const string Central = "trunguong.thamdinh";

    /// <summary>In a step, the officer of the dossier's own unit.</summary>
    public const string Own = "own";

    public static readonly object PassingVote = new { members = 20, present = 19, agree = 18 };
    /// <summary>A date written as this is sent as the test clock's date in Vietnam when the action is taken.</summary>
    public const string Today = "{today}";

    /// <summary>
    /// A decision number written as this is sent as a number no other decision has: a province gives each decision its
    /// own number, and the tests sign many.
    /// </summary>
    public const string FreshNumber = "{fresh-number}";

    public static readonly object Decision = new { number = FreshNumber, date = Today, signer = "Phó Chủ tịch UBND tỉnh" };

    private static int decisions;

    /// <summary>A decision number no other test has used: "1/QĐ-UBND-HC", "2/QĐ-UBND-HC"…</summary>
    public static string NextDecisionNumber() => $"{Interlocked.Increment(ref decisions)}/QĐ-UBND-HC";
    public static readonly object Ceremony = new { date = Today, place = "Hội trường UBND xã" };

    /// <summary>The three-tier happy path: each action with who takes it (Own = the officer of the dossier's unit).</summary>
    public static readonly IReadOnlyList<Step> ThreeTier =
    [
        new("self-assessment", "open-public-comment", Own, new { }),
        new("commune-public-comment", "submit-to-district", Own, new { vote = PassingVote }),
        new("district-review", "approve", District, new { }),
        new("district-public-notice", "submit-to-province", District, new { vote = PassingVote }),
        new("provincial-appraisal", "send-to-council", Appraiser, new { }),
        new("appraisal-council", "recommend", Appraiser, new { vote = PassingVote }),
        new("decision", "sign-decision", Leader, new { decision = Decision }),
        new("announcement-ceremony", "hold-ceremony", District, new { ceremony = Ceremony }),
    ];

    public static readonly IReadOnlyList<Step> TwoTier =
    [
        new("self-assessment", "open-public-comment", Own, new { }),
        new("commune-public-comment", "submit-to-province", Own, new { vote = PassingVote }),
        new("provincial-appraisal", "send-to-council", Appraiser, new { }),
        new("appraisal-council", "recommend", Appraiser, new { vote = PassingVote }),
        new("decision", "sign-decision", Leader, new { decision = Decision }),
        new("announcement-ceremony", "hold-ceremony", Own, new { ceremony = Ceremony }),
    ];

    public static readonly object PassingConditions = new
    {
        satisfactionPercent = 96.5, constructionDebtVnd = 0, securityStable = true,
        incomeAboveNangCaoPercent = 12, smartHamlets = 1, standoutField = "Du lịch sinh thái",
    };

    public static readonly IReadOnlyList<Step> DistrictPath =
    [
        new("self-assessment", "open-public-comment", Own, new { }),
        new("district-public-comment", "submit-to-province", Own, new { vote = PassingVote }),
        new("province-review", "approve", Appraiser, new { }),
        new("province-public-notice", "submit-to-central", Appraiser, new { vote = PassingVote }),
        new("central-appraisal", "send-to-council", Central, new { }),
        new("central-council", "recommend", Central, new { vote = PassingVote }),
        new("decision", "record-decision", Central, new { decision = Decision }),
        new("announcement-ceremony", "hold-ceremony", Appraiser, new { ceremony = Ceremony }),
    ];

    /// <summary>
    /// A new dossier, for 2025 (the 2021–2025 period, three tiers) unless told; unless <paramref name="qualify"/> is
    /// false, every criterion and condition self-assessed as met.
    /// </summary>
    public async Task<JsonElement> Create(TestUnit commune, string level = "ntm", string? workflow = null, bool qualify = true, int year = 2025)
    {
        var client = await app.As(commune.Officer);
        var response = await client.PostAsJsonAsync("/api/dossiers", new { unitCode = commune.Code, level, year, workflow });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var dossier = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (!qualify)
        {
            return dossier;
        }
        await Must(await client.PutAsJsonAsync($"/api/dossiers/{Id(dossier)}/conditions", PassingConditions));
        var total = dossier.GetProperty("criteria").GetProperty("total").GetInt32();
        for (var number = 1; number <= total; number++)
        {
            await Must(await client.PutAsJsonAsync($"/api/dossiers/{Id(dossier)}/criteria/{number}", new { met = true }));
        }
        return await Get(commune.Officer, dossier);
    }

    public static async Task<JsonElement> Must(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<HttpResponseMessage> Act(string userName, JsonElement dossier, string action, object? body = null)
    {
        var client = await app.As(userName);
        var payload = Merge(body ?? new { }, dossier.GetProperty("version").GetInt32());
        return await client.PostAsJsonAsync($"/api/dossiers/{Id(dossier)}/actions/{action}", payload);
    }

    /// <summary>
    /// Takes an action that must succeed, uploading first any paper it requires and, for one that closes a public
    /// posting, moving the clock to the morning the posting allows it; returns the dossier after it.
    /// </summary>
    public async Task<JsonElement> MustAct(string userName, JsonElement dossier, string action, object? body = null)
    {
        dossier = await ProvideDocuments(userName, dossier, action);
        WaitOutPosting(dossier, action);
        return await Must(await Act(userName, dossier, action, body));
    }

    /// <summary>Moves the clock to 08:00 (Vietnam) of the first day the action is allowed, when its posting still runs.</summary>
    public void WaitOutPosting(JsonElement dossier, string action)
    {
        var details = dossier.GetProperty("allowedActionDetails").EnumerateArray()
            .FirstOrDefault(a => a.GetProperty("name").GetString() == action);
        if (details.ValueKind != JsonValueKind.Undefined && details.GetProperty("availableFrom").GetString() is { } from)
        {
            var morning = new DateTimeOffset(DateOnly.Parse(from, CultureInfo.InvariantCulture).ToDateTime(new TimeOnly(8, 0)), TimeSpan.FromHours(7));
            app.Clock.Now = morning > app.Clock.Now ? morning : app.Clock.Now;
        }
    }

    /// <summary>Uploads a small PDF for each document type the action requires and the dossier lacks.</summary>
    public async Task<JsonElement> ProvideDocuments(string userName, JsonElement dossier, string action)
    {
        var current = await Get(userName, dossier);
        var details = current.GetProperty("allowedActionDetails").EnumerateArray()
            .FirstOrDefault(a => a.GetProperty("name").GetString() == action);
        if (details.ValueKind == JsonValueKind.Undefined)
        {
            return current;
        }
        var missing = details.GetProperty("documents").EnumerateArray()
            .Where(d => !d.GetProperty("present").GetBoolean())
            .Select(d => d.GetProperty("type").GetString()!)
            .ToList();
        foreach (var type in missing)
        {
            await Must(await Upload(userName, current, type, $"{type}.pdf", Encoding.UTF8.GetBytes($"%PDF-1.7\n% {type}\n")));
        }
        return missing.Count == 0 ? current : await Get(userName, dossier);
    }

    /// <summary>Random bytes of the given size behind a PDF header: a paper the store accepts, each one different.</summary>
    public static byte[] Pdf(int size)
    {
        var bytes = System.Security.Cryptography.RandomNumberGenerator.GetBytes(size);
        "%PDF-1.7"u8.CopyTo(bytes);
        return bytes;
    }

    public async Task<HttpResponseMessage> Upload(
        string userName, JsonElement dossier, string? type, string fileName, byte[] bytes, string? criteria = null)
    {
        var client = await app.As(userName);
        using var form = new MultipartFormDataContent();
        if (type is not null)
        {
            form.Add(new StringContent(type), "type");
        }
        if (criteria is not null)
        {
            form.Add(new StringContent(criteria), "criteria");
        }
        form.Add(new ByteArrayContent(bytes), "file", fileName);
        return await client.PostAsync($"/api/dossiers/{Id(dossier)}/documents", form);
    }

    /// <summary>A new (or the given) dossier of the commune, moved along the path until it stands at <paramref name="stage"/>.</summary>
    public async Task<JsonElement> At(
        TestUnit commune, string stage, IReadOnlyList<Step>? path = null, string? workflow = null, JsonElement? existing = null)
    {
        var dossier = existing ?? await Create(commune, workflow: workflow);
        foreach (var step in path ?? ThreeTier)
        {
            if (dossier.GetProperty("stage").GetString() == stage)
            {
                return dossier;
            }
            if (dossier.GetProperty("stage").GetString() != step.Stage)
            {
                continue;
            }
            dossier = await MustAct(step.Who == Own ? commune.Officer : step.Who, dossier, step.Action, step.Body);
        }
        Assert.Equal(stage, dossier.GetProperty("stage").GetString());
        return dossier;
    }

    /// <summary>
    /// A dossier that enters district review at exactly <paramref name="at"/>: its public comment opened a month
    /// earlier, so the posting is over and the clock need not move past it.
    /// </summary>
    public async Task<JsonElement> EnterDistrictReview(TestUnit commune, DateTimeOffset at)
    {
        app.Clock.Now = at.AddDays(-30);
        var dossier = await At(commune, "commune-public-comment");
        app.Clock.Now = at;
        return await MustAct(commune.Officer, dossier, "submit-to-district", new { vote = PassingVote });
    }

    public async Task<JsonElement> Get(string userName, JsonElement dossier)
    {
        var client = await app.As(userName);
        return await client.GetFromJsonAsync<JsonElement>($"/api/dossiers/{Id(dossier)}");
    }

    public async Task<JsonElement> Timeline(string userName, JsonElement dossier)
    {
        var client = await app.As(userName);
        return await client.GetFromJsonAsync<JsonElement>($"/api/dossiers/{Id(dossier)}/timeline");
    }

    /// <summary>The dossier's criteria as the API shows them (GET /api/dossiers/{id}/criteria), which must be answered.</summary>
    public async Task<JsonElement> Criteria(string userName, JsonElement dossier) =>
        await Must(await (await app.As(userName)).GetAsync($"/api/dossiers/{Id(dossier)}/criteria"));

    /// <summary>One indicator of the criteria view, found by its code.</summary>
    public static JsonElement Indicator(JsonElement criteria, string code) =>
        criteria.GetProperty("criteria").EnumerateArray().SelectMany(c => c.GetProperty("indicators").EnumerateArray())
            .Single(i => i.GetProperty("code").GetString() == code);

    public static string Id(JsonElement dossier) => dossier.GetProperty("id").GetString()!;

    private Dictionary<string, object?> Merge(object body, int expectedVersion)
    {
        var text = JsonSerializer.Serialize(body).Replace($"\"{Today}\"", $"\"{app.Clock.TodayText}\"")
            .Replace($"\"{FreshNumber}\"", $"\"{NextDecisionNumber()}\"");
        var fields = JsonDocument.Parse(text).RootElement.Clone().EnumerateObject()
            .ToDictionary(p => p.Name, p => (object?)p.Value);
        fields.TryAdd("expectedVersion", expectedVersion);
        return fields;
    }
}

public sealed record Step(string Stage, string Action, string Who, object Body);
