using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>
/// A province's appraisal council meets once for several dossiers: the session records who came and each dossier's
/// vote, files the minutes once, and concluding moves every dossier by its vote in one transaction, or none.
/// </summary>
public sealed class CouncilSessionTests(NtmApp app) : IClassFixture<NtmApp>
{
    private readonly Procedure procedure = new(app);
    private readonly Council council = new(app);

    [Fact]
    public async Task ASessionOfThree_MovesEachByItsVote_FilesTheMinutesOnce_AndEachTimelineNamesTheSession()
    {
        var first = await procedure.At(await app.NewCommune(), "appraisal-council");
        var second = await procedure.At(await app.NewCommune(), "appraisal-council");
        var third = await procedure.At(await app.NewCommune(), "appraisal-council");
        var session = await council.Open();
        session = await council.Add(session, first, second, third);
        session = await council.Attend(session, 19);
        session = await council.Vote(session, first, 18);
        session = await council.Vote(session, second, 15, "Tiêu chí môi trường chưa bền vững");
        session = await council.Vote(session, third, 19);
        Assert.Equal(["carries", "below-threshold", "carries"],
            session.GetProperty("dossiers").EnumerateArray().Select(d => d.GetProperty("projected").GetString()));
        session = await council.Minutes(session);

        var concluded = await council.Conclude(session);

        Assert.Equal("concluded", concluded.GetProperty("status").GetString());
        Assert.Equal(["carried", "not-carried", "carried"],
            concluded.GetProperty("dossiers").EnumerateArray().Select(d => d.GetProperty("outcome").GetString()));
        Assert.Equal(["recommend", "not-recommend", "recommend"],
            concluded.GetProperty("dossiers").EnumerateArray().Select(d => d.GetProperty("action").GetString()));
        Assert.Equal("decision", (await procedure.Get(Procedure.Appraiser, first)).GetProperty("stage").GetString());
        Assert.Equal("rejected", (await procedure.Get(Procedure.Appraiser, second)).GetProperty("stage").GetString());

        var refusal = (await procedure.Timeline(Procedure.Appraiser, second)).EnumerateArray().Last();
        Assert.Equal("not-recommend", refusal.GetProperty("action").GetString());
        Assert.Contains("Phiên họp thử nghiệm (số 01/HĐTĐ)", refusal.GetProperty("comment").GetString());
        Assert.Contains("15/19 thành viên có mặt đồng ý", refusal.GetProperty("comment").GetString());
        Assert.Contains("không đạt tỷ lệ ít nhất 90%", refusal.GetProperty("comment").GetString());
        Assert.Contains("Tiêu chí môi trường chưa bền vững", refusal.GetProperty("comment").GetString());
        Assert.Equal(20, refusal.GetProperty("vote").GetProperty("members").GetInt32());
        var recommendation = (await procedure.Timeline(Procedure.Appraiser, first)).EnumerateArray().Last();
        Assert.Contains("Phiên họp thử nghiệm", recommendation.GetProperty("comment").GetString());
        Assert.Equal(18, recommendation.GetProperty("vote").GetProperty("agree").GetInt32());
        Assert.Equal(recommendation.GetProperty("sequence").GetInt32(), Council.Row(concluded, first).GetProperty("eventSequence").GetInt32());

        var sha = concluded.GetProperty("minutes").GetProperty("sha256").GetString()!;
        foreach (var dossier in new[] { first, second, third })
        {
            var documents = await Procedure.Must(await (await app.As(Procedure.Appraiser)).GetAsync($"/api/dossiers/{Procedure.Id(dossier)}/documents"));
            Assert.Contains(documents.EnumerateArray(), d => d.GetProperty("type").GetString() == "bien-ban-hoi-dong" && d.GetProperty("sha256").GetString() == sha);
        }
        Assert.Single(Directory.GetFiles(app.StorageRoot, sha, SearchOption.AllDirectories));

        var edit = await council.TryAttend(concluded, Council.FirstMembers(20));
        Assert.Contains("đã kết thúc", (await ProblemAssert.Is(HttpStatusCode.Conflict, edit)).Detail());
        // The vote is on the dossier's events: a decision dated before it is refused, one dated that day is signed.
        var current = await procedure.ProvideDocuments(Procedure.Leader, first, "sign-decision");
        var early = await procedure.Act(Procedure.Leader, current, "sign-decision",
            new { decision = new { number = "12/QĐ-UBND", date = app.Clock.Today.AddDays(-1).ToString("yyyy-MM-dd"), signer = "Chủ tịch UBND tỉnh" } });
        Assert.Contains("trước ngày biểu quyết", (await ProblemAssert.Is(HttpStatusCode.BadRequest, early)).Detail());
        await procedure.MustAct(Procedure.Leader, current, "sign-decision", new { decision = Procedure.Decision });
    }

    [Fact]
    public async Task TooFewPresent_NoDossierIsDecided_EachWaitsAtTheCouncilForAnotherSession()
    {
        var first = await procedure.At(await app.NewCommune(), "appraisal-council");
        var second = await procedure.At(await app.NewCommune(), "appraisal-council");
        var session = await council.Add(await council.Open(), first, second);
        session = await council.Attend(session, 10);
        session = await council.Vote(session, first, 10);
        session = await council.Vote(session, second, 10);
        Assert.All(session.GetProperty("dossiers").EnumerateArray(), d => Assert.Equal("not-quorate", d.GetProperty("projected").GetString()));

        var concluded = await council.Conclude(await council.Minutes(session));

        Assert.All(concluded.GetProperty("dossiers").EnumerateArray(), d =>
        {
            Assert.Equal("not-quorate", d.GetProperty("outcome").GetString());
            Assert.Equal(JsonValueKind.Null, d.GetProperty("eventSequence").ValueKind);
        });
        foreach (var dossier in new[] { first, second })
        {
            Assert.Equal("appraisal-council", (await procedure.Get(Procedure.Appraiser, dossier)).GetProperty("stage").GetString());
            var documents = await Procedure.Must(await (await app.As(Procedure.Appraiser)).GetAsync($"/api/dossiers/{Procedure.Id(dossier)}/documents"));
            Assert.DoesNotContain(documents.EnumerateArray(), d => d.GetProperty("type").GetString() == "bien-ban-hoi-dong");
        }
        var next = await council.Add(await council.Open(), first, second);
        Assert.Equal(2, next.GetProperty("dossiers").GetArrayLength());
    }

    [Fact]
    public async Task TheVoteIsDatedByTheMeeting_NotByTheDayTheSessionWasConcluded()
    {
        var dossier = await procedure.At(await app.NewCommune(), "appraisal-council");
        var meeting = app.Clock.Today;
        var session = await council.Add(await council.Open(), dossier);
        session = await council.Vote(await council.Attend(session, 20), dossier, 20);
        app.Clock.Now += TimeSpan.FromDays(3);
        await council.Conclude(await council.Minutes(session));

        var current = await procedure.ProvideDocuments(Procedure.Leader, await procedure.Get(Procedure.Leader, dossier), "sign-decision");
        var early = await procedure.Act(Procedure.Leader, current, "sign-decision",
            new { decision = new { number = Procedure.NextDecisionNumber(), date = meeting.AddDays(-1).ToString("yyyy-MM-dd"), signer = "Chủ tịch UBND tỉnh" } });
        Assert.Contains("trước ngày biểu quyết", (await ProblemAssert.Is(HttpStatusCode.BadRequest, early)).Detail());
        await procedure.MustAct(Procedure.Leader, current, "sign-decision",
            new { decision = new { number = Procedure.NextDecisionNumber(), date = meeting.ToString("yyyy-MM-dd"), signer = "Chủ tịch UBND tỉnh" } });
    }

    [Fact]
    public async Task ADossierChangedAfterItsVote_IsNamed_AndNothingMoves_UntilItsVoteIsRecordedAgain()
    {
        var first = await procedure.At(await app.NewCommune(), "appraisal-council");
        var second = await procedure.At(await app.NewCommune(), "appraisal-council");
        var session = await council.Add(await council.Open(), first, second);
        session = await council.Attend(session, 19);
        session = await council.Vote(session, first, 19);
        session = await council.Vote(session, second, 19);
        session = await council.Minutes(session);
        await Procedure.Must(await procedure.Upload(Procedure.Appraiser, second, "bao-cao-tham-dinh", "bo-sung.pdf", Procedure.Pdf(100)));

        var problem = await ProblemAssert.Is(HttpStatusCode.Conflict, await council.TryConclude(session));

        var named = Assert.Single(problem.GetProperty("dossiers").EnumerateArray());
        Assert.Equal(Procedure.Id(second), named.GetProperty("id").GetString());
        Assert.Contains("đã thay đổi sau khi ghi kết quả biểu quyết", named.GetProperty("problem").GetString());
        Assert.Contains("Không có thay đổi nào được ghi", problem.Detail());
        Assert.Equal("appraisal-council", (await procedure.Get(Procedure.Appraiser, first)).GetProperty("stage").GetString());
        var documents = await Procedure.Must(await (await app.As(Procedure.Appraiser)).GetAsync($"/api/dossiers/{Procedure.Id(first)}/documents"));
        Assert.DoesNotContain(documents.EnumerateArray(), d => d.GetProperty("type").GetString() == "bien-ban-hoi-dong");
        session = await council.Get(session);
        Assert.Equal("open", session.GetProperty("status").GetString());

        session = await council.Vote(session, await procedure.Get(Procedure.Appraiser, second), 19);
        var concluded = await council.Conclude(session);
        Assert.All(concluded.GetProperty("dossiers").EnumerateArray(), d => Assert.Equal("carried", d.GetProperty("outcome").GetString()));
    }

    [Fact]
    public async Task ADossierMovedOnMeanwhile_IsNamed_AndTheOthersStay()
    {
        var commune = await app.NewCommune();
        var withdrawn = await procedure.At(commune, "appraisal-council");
        var staying = await procedure.At(await app.NewCommune(), "appraisal-council");
        var session = await council.Add(await council.Open(), withdrawn, staying);
        session = await council.Attend(session, 19);
        session = await council.Vote(session, withdrawn, 19);
        session = await council.Vote(session, staying, 19);
        session = await council.Minutes(session);
        await procedure.MustAct(commune.Officer, withdrawn, "withdraw", new { comment = "Xã xin rút hồ sơ" });

        var problem = await ProblemAssert.Is(HttpStatusCode.Conflict, await council.TryConclude(session));

        Assert.Contains("không còn chờ Hội đồng thẩm định", problem.Detail());
        Assert.Contains(commune.Name, problem.Detail());
        Assert.Equal("appraisal-council", (await procedure.Get(Procedure.Appraiser, staying)).GetProperty("stage").GetString());
    }

    [Fact]
    public async Task AddingDossiers_RefusesEachOffendingOne_AndAddsNone()
    {
        var waiting = await procedure.At(await app.NewCommune(), "appraisal-council");
        var early = await procedure.At(await app.NewCommune(), "provincial-appraisal");
        var elsewhere = await procedure.Create(await app.NewCommune("tra-vinh.tra-cu"), qualify: false);
        var taken = await procedure.At(await app.NewCommune(), "appraisal-council");
        await council.Add(await council.Open(), taken);
        var session = await council.Open();

        var problem = await ProblemAssert.Is(HttpStatusCode.Conflict, await council.TryAdd(session, waiting, early, elsewhere, taken));

        var named = problem.GetProperty("dossiers").EnumerateArray().ToDictionary(d => d.GetProperty("id").GetString()!, d => d.GetProperty("problem").GetString()!);
        Assert.Equal(3, named.Count);
        Assert.Contains("không chờ Hội đồng thẩm định", named[Procedure.Id(early)]);
        Assert.Contains("không có hồ sơ này trong Tỉnh Đồng Tháp", named[Procedure.Id(elsewhere)]);
        Assert.Contains("phiên họp khác chưa kết thúc", named[Procedure.Id(taken)]);
        Assert.Empty((await council.Get(session)).GetProperty("dossiers").EnumerateArray());

        var stale = await council.TryAdd(session, Stale(waiting));
        Assert.Contains("đã được cập nhật", (await ProblemAssert.Is(HttpStatusCode.Conflict, stale)).Detail());
        session = await council.Add(session, waiting);
        Assert.Contains("đã có trong phiên họp này", (await ProblemAssert.Is(HttpStatusCode.Conflict, await council.TryAdd(session, waiting))).Detail());
        var candidates = await Procedure.Must(await (await app.As(Procedure.Appraiser)).GetAsync("/api/council-sessions/candidates"));
        Assert.DoesNotContain(candidates.EnumerateArray(), c => c.GetProperty("id").GetString() == Procedure.Id(waiting));
    }

    [Fact]
    public async Task VotesAndAttendance_RefuseImpossibleCounts()
    {
        var dossier = await procedure.At(await app.NewCommune(), "appraisal-council");
        var session = await council.Add(await council.Open(), dossier);

        Assert.Contains("danh sách thành viên có mặt", (await ProblemAssert.Is(HttpStatusCode.Conflict, await council.TryVote(session, dossier, 5))).Detail());
        Assert.True((await ProblemAssert.Is(HttpStatusCode.BadRequest, await council.TryAttend(session, ["Người lạ"]))).Names("present"));
        Assert.True((await ProblemAssert.Is(HttpStatusCode.BadRequest,
            await council.TryAttend(session, ["Thành viên 1", " thành viên 1 "]))).Names("present"));
        session = await council.Attend(session, 12);
        Assert.True((await ProblemAssert.Is(HttpStatusCode.BadRequest, await council.TryVote(session, dossier, 13))).Names("agree"));
        Assert.True((await ProblemAssert.Is(HttpStatusCode.BadRequest, await council.TryVote(session, dossier, -1))).Names("agree"));
        session = await council.Vote(session, dossier, 12);
        var fewer = await ProblemAssert.Is(HttpStatusCode.Conflict, await council.TryAttend(session, Council.FirstMembers(11)));
        Assert.Contains("hãy sửa kết quả biểu quyết trước", fewer.Detail());
        var stale = await ProblemAssert.Is(HttpStatusCode.Conflict, await council.TryAttend(Stale(session), Council.FirstMembers(12)));
        Assert.Contains("phiên bản hiện tại", stale.Detail());
        var missing = await ProblemAssert.Is(HttpStatusCode.Conflict, await council.TryConclude(session));
        Assert.Contains("chưa tải lên biên bản", missing.Detail());
        Assert.Equal("appraisal-council", (await procedure.Get(Procedure.Appraiser, dossier)).GetProperty("stage").GetString());
    }

    [Fact]
    public async Task AnOpenSession_IsEdited_ADossierRemoved_AndBadMinutesRefused()
    {
        var dossier = await procedure.At(await app.NewCommune(), "appraisal-council");
        var session = await council.Attend(await council.Add(await council.Open(), dossier), 3);
        var client = await app.As(Procedure.Appraiser);

        var edited = await Procedure.Must(await client.PutAsJsonAsync($"/api/council-sessions/{Council.Id(session)}", new
        {
            expectedVersion = Council.Version(session), title = "Phiên họp đã sửa", meetingDate = app.Clock.TodayText,
            members = new[] { new { name = "Thành viên 2", position = "Ủy viên" }, new { name = "Người mới", position = "Ủy viên" } },
        }));
        Assert.Equal("Phiên họp đã sửa", edited.GetProperty("title").GetString());
        Assert.Equal(1, edited.GetProperty("presentCount").GetInt32());
        Assert.Equal(2, edited.GetProperty("membersCount").GetInt32());
        Assert.True((await ProblemAssert.Is(HttpStatusCode.BadRequest, await council.TryVote(edited, dossier, 0, new string('x', 1001)))).Names("note"));
        var overflow = await client.PutAsJsonAsync($"/api/council-sessions/{Council.Id(edited)}/dossiers/{Procedure.Id(dossier)}/vote",
            new { expectedVersion = Council.Version(edited), dossierVersion = dossier.GetProperty("version").GetInt32(), agree = 1, against = int.MaxValue });
        Assert.True((await ProblemAssert.Is(HttpStatusCode.BadRequest, overflow)).Names("against"));

        await ProblemAssert.Is(HttpStatusCode.UnsupportedMediaType, await council.TryMinutes(edited, "not a paper"u8.ToArray(), "bien-ban.pdf"));
        await ProblemAssert.Is(HttpStatusCode.BadRequest, await council.TryMinutes(edited, [], "bien-ban.pdf"));
        using (var form = new MultipartFormDataContent())
        {
            form.Add(new ByteArrayContent(Procedure.Pdf(100)), "file", "bien-ban.pdf");
            var unversioned = await client.PostAsync($"/api/council-sessions/{Council.Id(edited)}/minutes", form);
            Assert.True((await ProblemAssert.Is(HttpStatusCode.BadRequest, unversioned)).Names("expectedVersion"));
        }
        Assert.Equal(JsonValueKind.Null, (await council.Get(edited)).GetProperty("minutes").ValueKind);

        await ProblemAssert.Is(HttpStatusCode.BadRequest, await client.DeleteAsync($"/api/council-sessions/{Council.Id(edited)}/dossiers/{Procedure.Id(dossier)}"));
        var removed = await Procedure.Must(await client.DeleteAsync(
            $"/api/council-sessions/{Council.Id(edited)}/dossiers/{Procedure.Id(dossier)}?expectedVersion={Council.Version(edited)}"));
        Assert.Empty(removed.GetProperty("dossiers").EnumerateArray());
        await ProblemAssert.Is(HttpStatusCode.NotFound, await client.DeleteAsync(
            $"/api/council-sessions/{Council.Id(removed)}/dossiers/{Procedure.Id(dossier)}?expectedVersion={Council.Version(removed)}"));
        var candidates = await Procedure.Must(await client.GetAsync("/api/council-sessions/candidates"));
        Assert.Contains(candidates.EnumerateArray(), c => c.GetProperty("id").GetString() == Procedure.Id(dossier));
    }

    [Fact]
    public async Task OpeningASession_RefusesBadMembersDatesAndTexts()
    {
        async Task<JsonElement> Refused(object body) => await ProblemAssert.Is(HttpStatusCode.BadRequest, await council.TryOpen(body));
        var today = app.Clock.TodayText;

        Assert.True((await Refused(new { title = "Phiên", meetingDate = today, members = Array.Empty<object>() })).Names("members"));
        Assert.True((await Refused(new { title = "Phiên", meetingDate = today, members = Enumerable.Range(0, 101).Select(i => new { name = $"TV {i}" }) })).Names("members"));
        var duplicate = await Refused(new { title = "Phiên", meetingDate = today, members = new[] { new { name = "Nguyễn Văn A" }, new { name = "nguyễn văn a " } } });
        Assert.Contains("Tên thành viên bị trùng", duplicate.Detail());
        Assert.True((await Refused(new { title = new string('x', 257), meetingDate = today, members = Council.TwentyMembers })).Names("title"));
        Assert.True((await Refused(new { title = "Phiên", meetingDate = today, members = new[] { new { name = new string('x', 257) } } })).Names("members"));
        Assert.True((await Refused(new { title = " ", meetingDate = today, members = Council.TwentyMembers })).Names("title"));
        Assert.True((await Refused(new { title = "Phiên", members = Council.TwentyMembers })).Names("meetingDate"));
        Assert.True((await Refused(new { title = "Phiên", meetingDate = today, members = new object?[] { null } })).Names("members"));
        await ProblemAssert.Is(HttpStatusCode.BadRequest, await council.TryOpen(new { title = "Phiên", meetingDate = "31/12/2026", members = Council.TwentyMembers }));
        await ProblemAssert.Is(HttpStatusCode.BadRequest, await council.TryOpen(new { title = "Phiên", meetingDate = today, members = "Nguyễn Văn A" }));
        var client = await app.As(Procedure.Appraiser);
        var malformed = await client.PostAsync("/api/council-sessions", new StringContent("{\"title\": ", System.Text.Encoding.UTF8, "application/json"));
        await ProblemAssert.Is(HttpStatusCode.BadRequest, malformed);
    }

    [Fact]
    public async Task AFutureMeeting_CannotConcludeBeforeItsDay()
    {
        var dossier = await procedure.At(await app.NewCommune(), "appraisal-council");
        var session = await council.Open(new
        {
            title = "Phiên họp tháng sau", meetingDate = app.Clock.Today.AddDays(30).ToString("yyyy-MM-dd"), members = Council.TwentyMembers,
        });
        session = await council.Add(session, dossier);
        session = await council.Minutes(await council.Vote(await council.Attend(session, 19), dossier, 19));

        Assert.Contains("chưa đến", (await ProblemAssert.Is(HttpStatusCode.Conflict, await council.TryConclude(session))).Detail());
    }

    [Fact]
    public async Task OnlyTheProvinceAppraiserWrites_OthersInScopeRead_AndAnonymousIs401()
    {
        var commune = await app.NewCommune();
        var session = await council.Open();

        await ProblemAssert.Is(HttpStatusCode.Forbidden, await council.TryOpen(user: commune.Officer));
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await council.TryOpen(user: Procedure.Leader));
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await new Council(app, Procedure.Leader).TryAttend(session, Council.FirstMembers(3)));
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await new Council(app, commune.Officer).TryAttend(session, Council.FirstMembers(3)));
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await new Council(app, "tinh.travinh.thamdinh").TryAttend(session, Council.FirstMembers(3)));
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await (await app.As(commune.Officer)).GetAsync($"/api/council-sessions/{Council.Id(session)}"));
        Assert.Equal(Council.Id(session), (await council.Get(session, Procedure.Leader)).GetProperty("id").GetString());
        Assert.False((await council.Get(session, Procedure.Leader)).GetProperty("mayEdit").GetBoolean());
        Assert.True((await council.Get(session)).GetProperty("mayEdit").GetBoolean());
        var leaders = await Procedure.Must(await (await app.As(Procedure.Leader)).GetAsync("/api/council-sessions?status=open"));
        Assert.Contains(leaders.GetProperty("items").EnumerateArray(), s => s.GetProperty("id").GetString() == Council.Id(session));
        var travinh = await Procedure.Must(await (await app.As("tinh.travinh.thamdinh")).GetAsync("/api/council-sessions"));
        Assert.DoesNotContain(travinh.GetProperty("items").EnumerateArray(), s => s.GetProperty("id").GetString() == Council.Id(session));
        await ProblemAssert.Is(HttpStatusCode.BadRequest, await (await app.As(Procedure.Leader)).GetAsync("/api/council-sessions?status=closed"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/council-sessions")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().PostAsJsonAsync("/api/council-sessions", new { })).StatusCode);
        await ProblemAssert.Is(HttpStatusCode.NotFound, await (await app.As(Procedure.Appraiser)).GetAsync($"/api/council-sessions/{Guid.NewGuid()}"));
    }

    [Fact]
    public async Task ADeactivatedAppraiser_IsRefused()
    {
        var admin = await app.As("admin");
        var name = $"thamdinh.hoidong{Guid.NewGuid():N}"[..30];
        await Procedure.Must(await admin.PostAsJsonAsync("/api/admin/users",
            new { userName = name, fullName = "Cán bộ thẩm định", unitCode = "dong-thap", role = "province-appraiser", email = "td@dongthap.gov.vn", password = NtmApp.Password }));
        var session = await new Council(app, name).Open();
        await Procedure.Must(await admin.PostAsync($"/api/admin/users/{name}/deactivate", null));

        var refused = await new Council(app, name).TryAttend(session, Council.FirstMembers(3));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task ThePages_OpenASession_RecordItsSteps_AndListItsDossiersWithTheirOutcomes()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.At(commune, "appraisal-council");
        var pages = await PageSession.SignedIn(app, Procedure.Appraiser);
        Assert.Contains("href=\"/Councils\"", await pages.Html("/"));

        var opened = await pages.Post("/Councils", new()
        {
            ["Form.Title"] = "Phiên họp trên trang", ["Form.MeetingDate"] = app.Clock.TodayText,
            ["Form.Members"] = "Nguyễn Văn An; Chủ tịch Hội đồng\nTrần Thị Bình; Ủy viên\n\nLê Văn Cường",
        });
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var path = opened.Headers.Location!.OriginalString;
        Assert.Contains("href=\"/Councils\">Hồ sơ chờ Hội đồng thẩm định", await pages.Html($"/Dossiers/{Procedure.Id(dossier)}"));
        var html = await pages.Html(path);
        Assert.Contains("Trần Thị Bình – Ủy viên", html);
        Assert.Contains(commune.Name, html);
        var session = await council.Get(JsonSerializer.SerializeToElement(new { id = path.Split('/').Last() }));

        await Step(pages, path, "Add", new() { ["Selected"] = $"{Procedure.Id(dossier)}:{dossier.GetProperty("version").GetInt32()}" }, session);
        session = await council.Get(session);
        Assert.Contains($"href=\"{path}\">Đang được xét tại phiên họp Hội đồng thẩm định: Phiên họp trên trang", await pages.Html($"/Dossiers/{Procedure.Id(dossier)}"));
        await Step(pages, path, "Attendance", new() { ["ExpectedVersion"] = Council.Version(session).ToString(), ["Present"] = "Nguyễn Văn An" }, session,
            extra: [new("Present", "Trần Thị Bình"), new("Present", "Lê Văn Cường")]);
        session = await council.Get(session);
        await Step(pages, $"{path}?dossierId={Procedure.Id(dossier)}", "Vote",
            new() { ["Vote.DossierVersion"] = dossier.GetProperty("version").GetInt32().ToString(), ["Vote.Agree"] = "3", ["Vote.Note"] = "Nhất trí" }, session);
        session = await council.Minutes(await council.Get(session));
        var refused = await pages.Post($"{path}?handler=Conclude", new() { ["ExpectedVersion"] = (Council.Version(session) - 1).ToString() }, tokenFrom: path);
        Assert.Contains("phiên bản hiện tại", await refused.Content.ReadAsStringAsync());
        await Step(pages, path, "Conclude", [], session);

        html = await pages.Html(path);
        Assert.Contains("Đã kết thúc", html);
        Assert.Contains("Đạt tỷ lệ biểu quyết – Hội đồng đề nghị công nhận", html);
        Assert.Contains("3/3", html);
        Assert.DoesNotContain("id=\"conclude\"", html);
        Assert.Equal("decision", (await procedure.Get(Procedure.Appraiser, dossier)).GetProperty("stage").GetString());
        Assert.Contains("Phiên họp trên trang", await pages.Html("/Councils"));
        var english = await PageSession.SignedIn(app, Procedure.Leader);
        await english.Post("/Culture", new() { ["culture"] = "en-US", ["returnUrl"] = "/" }, tokenFrom: "/");
        var translated = await english.Html(path);
        Assert.Contains("Council members", translated);
        Assert.Contains("Carried", translated);
    }

    /// <summary>Posts one of the session page's forms with the session's version and expects the redirect back.</summary>
    private static async Task Step(
        PageSession pages, string path, string handler, Dictionary<string, string> fields, JsonElement? session = null,
        IReadOnlyList<KeyValuePair<string, string>>? extra = null)
    {
        if (session is { } seen)
        {
            fields.TryAdd("ExpectedVersion", Council.Version(seen).ToString());
        }
        fields["__RequestVerificationToken"] = await pages.Token(path.Split('?')[0]);
        var target = path.Contains('?') ? $"{path}&handler={handler}" : $"{path}?handler={handler}";
        var response = await pages.Client.PostAsync(target, new FormUrlEncodedContent(fields.Concat(extra ?? [])));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{handler}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The element as a caller who loaded it one version ago holds it.</summary>
    private static JsonElement Stale(JsonElement element)
    {
        var fields = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(element.GetRawText())!;
        fields["version"] = JsonSerializer.SerializeToElement(fields["version"].GetInt32() - 1);
        return JsonSerializer.SerializeToElement(fields);
    }
}
