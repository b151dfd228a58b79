using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>Public comment: anyone reads the draft report of a posted dossier and comments, only while it is posted.</summary>
public sealed class PublicCommentTests(NtmApp app) : IClassFixture<NtmApp>
{
    private readonly Procedure procedure = new(app);

    private async Task<JsonElement> Posted()
    {
        app.Clock.Now = Notices.Vietnam(2026, 3, 2, 9);
        return await procedure.At(await app.NewCommune(), "commune-public-comment");
    }

    [Fact]
    public async Task APostedDossier_IsListedForEveryone_WithItsDraftReport()
    {
        var posted = await Posted();
        var drafting = await procedure.Create(await app.NewCommune());

        var open = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/public/open-for-comment");

        var item = open.EnumerateArray().Single(d => d.GetProperty("id").GetString() == Procedure.Id(posted));
        Assert.Equal("2026-03-17", item.GetProperty("postingUntil").GetString());
        var paper = Assert.Single(item.GetProperty("papers").EnumerateArray());
        Assert.Equal("Báo cáo kết quả thực hiện các tiêu chí", paper.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().GetAsync($"/api/public/documents/{paper.GetProperty("id").GetString()}/content")).StatusCode);
        Assert.DoesNotContain(open.EnumerateArray(), d => d.GetProperty("id").GetString() == Procedure.Id(drafting));
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync($"/api/public/open-for-comment/{Procedure.Id(drafting)}")).StatusCode);
    }

    [Fact]
    public async Task AComment_IsAcceptedWhilePosted_AndShownToTheOfficials()
    {
        var posted = await Posted();
        var commune = posted.GetProperty("unitCode").GetString();

        var sent = await app.Anonymous().PostAsJsonAsync($"/api/public/dossiers/{Procedure.Id(posted)}/comments",
            new { name = "Nguyễn Văn A", contact = "0912 345 678", text = "Đường liên ấp 3 còn lầy lội mùa mưa." });

        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var comments = await (await app.As(Procedure.District)).GetFromJsonAsync<JsonElement>($"/api/dossiers/{Procedure.Id(posted)}/comments");
        var comment = Assert.Single(comments.EnumerateArray());
        Assert.Equal("Nguyễn Văn A", comment.GetProperty("name").GetString());
        Assert.Equal("Đường liên ấp 3 còn lầy lội mùa mưa.", comment.GetProperty("text").GetString());
        Assert.Equal("commune-public-comment", comment.GetProperty("stage").GetString());
        Assert.NotNull(commune);
    }

    [Fact]
    public async Task AfterThePosting_OrBeforeIt_ACommentIsRefused()
    {
        var posted = await Posted();
        var drafting = await procedure.Create(await app.NewCommune());
        app.Clock.Now = Notices.Vietnam(2026, 3, 18, 0);

        var late = await app.Anonymous().PostAsJsonAsync($"/api/public/dossiers/{Procedure.Id(posted)}/comments", new { text = "Muộn" });
        var early = await app.Anonymous().PostAsJsonAsync($"/api/public/dossiers/{Procedure.Id(drafting)}/comments", new { text = "Sớm" });
        var unknown = await app.Anonymous().PostAsJsonAsync($"/api/public/dossiers/{Guid.NewGuid()}/comments", new { text = "?" });

        await ProblemAssert.Is(HttpStatusCode.Conflict, late);
        await ProblemAssert.Is(HttpStatusCode.Conflict, early);
        await ProblemAssert.Is(HttpStatusCode.NotFound, unknown);
        var comments = await (await app.As(Procedure.District)).GetFromJsonAsync<JsonElement>($"/api/dossiers/{Procedure.Id(posted)}/comments");
        Assert.Empty(comments.EnumerateArray());
    }

    [Theory]
    [InlineData("", null, "text")]
    [InlineData("Góp ý", "http://spam.example", "website")]
    public async Task AnEmptyComment_OrOneWithTheHiddenFieldFilled_IsRefused(string text, string? website, string field)
    {
        var posted = await Posted();

        var response = await app.Anonymous().PostAsJsonAsync($"/api/public/dossiers/{Procedure.Id(posted)}/comments", new { text, website });

        var problem = await ProblemAssert.Is(HttpStatusCode.BadRequest, response);
        Assert.Equal(field, problem.GetProperty("errors").EnumerateObject().Single().Name);
    }

    [Fact]
    public async Task TheCommentPage_OpensWithoutSignIn_AndSendsWithItsAntiforgeryToken()
    {
        var posted = await Posted();
        var page = $"/Public/Comments/{Procedure.Id(posted)}";
        var session = new PageSession(app);
        Assert.Contains("Báo cáo kết quả thực hiện các tiêu chí", await session.Html(page));
        Assert.Contains(Procedure.Id(posted), await session.Html("/Public/Comments"));

        var empty = await session.Post(page, new() { ["Comment.Text"] = "", ["Comment.Name"] = "Trần Thị B" });
        var forged = await session.Post(page, new() { ["Comment.Text"] = "Góp ý" }, withToken: false);
        var sent = await session.Post(page, new() { ["Comment.Text"] = "Đề nghị bổ sung đèn đường", ["Comment.Name"] = "Trần Thị B" });

        var emptyHtml = await empty.Content.ReadAsStringAsync();
        Assert.Contains("Hãy nhập nội dung góp ý", emptyHtml);
        Assert.Contains("value=\"Trần Thị B\"", emptyHtml);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("Cảm ơn bạn đã góp ý", await session.Html(page));
        var comments = await (await app.As(Procedure.District)).GetFromJsonAsync<JsonElement>($"/api/dossiers/{Procedure.Id(posted)}/comments");
        Assert.Equal("Đề nghị bổ sung đèn đường", Assert.Single(comments.EnumerateArray()).GetProperty("text").GetString());
    }
}

/// <summary>How often one address may send a comment, with the limit set low.</summary>
public sealed class PublicCommentLimitTests(PublicCommentLimitTests.LimitedApp app) : IClassFixture<PublicCommentLimitTests.LimitedApp>
{
    public sealed class LimitedApp : NtmApp
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("PublicComments:PermitsPerWindow", "2")];
    }

    [Fact]
    public async Task TooManyCommentsFromOneAddress_Are429_ReadingIsNeverLimited()
    {
        app.Clock.Now = Notices.Vietnam(2026, 3, 2, 9);
        var posted = await new Procedure(app).At(await app.NewCommune(), "commune-public-comment");
        var url = $"/api/public/dossiers/{Procedure.Id(posted)}/comments";

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await app.Anonymous().PostAsJsonAsync(url, new { text = $"Góp ý {i}" })).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);
        var refused = await app.Anonymous().PostAsJsonAsync(url, new { text = "Nữa" });
        Assert.Contains("thử lại sau", (await ProblemAssert.Is(HttpStatusCode.TooManyRequests, refused)).GetProperty("detail").GetString());
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().GetAsync($"/Public/Comments/{Procedure.Id(posted)}")).StatusCode);
        }
    }
}
