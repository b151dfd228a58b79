using System.Net;
using System.Text.Json;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>Each paper is uploaded by the role whose step needs it: a commune cannot file the province's papers.</summary>
public sealed class UploadRoleTests(NtmApp app) : IClassFixture<NtmApp>
{
    private readonly Procedure procedure = new(app);

    [Theory]
    [InlineData("quyet-dinh")]
    [InlineData("bao-cao-tham-dinh")]
    [InlineData("bien-ban-hoi-dong")]
    [InlineData("bao-cao-tham-tra")]
    public async Task TheCommune_CannotUploadAnotherTiersPaper(string type)
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.Create(commune, qualify: false);

        var problem = await ProblemAssert.Is(HttpStatusCode.Forbidden, await procedure.Upload(commune.Officer, dossier, type, "a.pdf", Pdf()));

        Assert.Contains(type, problem.Detail());
        var documents = await Procedure.Must(await (await app.As(commune.Officer)).GetAsync($"/api/dossiers/{Procedure.Id(dossier)}/documents"));
        Assert.Equal(0, documents.GetArrayLength());
    }

    [Fact]
    public async Task ThePicker_OffersOnlyWhatTheCallerMayUploadNow()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.Create(commune, qualify: false);

        var offered = Types(await procedure.Get(commune.Officer, dossier));

        Assert.Contains("bao-cao-ket-qua", offered);
        Assert.Contains("anh-minh-hoa", offered);
        Assert.DoesNotContain("quyet-dinh", offered);
        Assert.DoesNotContain("bao-cao-tham-dinh", offered);
        Assert.DoesNotContain("bien-ban-hoi-dong", offered);
        Assert.Equal(201, (int)(await procedure.Upload(commune.Officer, dossier, "anh-minh-hoa", "anh.pdf", Pdf())).StatusCode);
    }

    [Fact]
    public async Task TheLeader_UploadsTheDecision_AtTheDecisionStage()
    {
        var dossier = await procedure.At(await app.NewCommune(), "decision");

        Assert.Contains("quyet-dinh", Types(await procedure.Get(Procedure.Leader, dossier)));
        Assert.Equal(HttpStatusCode.Created, (await procedure.Upload(Procedure.Leader, dossier, "quyet-dinh", "qd.pdf", Pdf())).StatusCode);
        Assert.Empty(Types(await procedure.Get(Procedure.Appraiser, dossier)));
    }

    private static List<string> Types(JsonElement dossier) =>
        dossier.GetProperty("uploadTypes").EnumerateArray().Select(t => t.GetProperty("type").GetString()!).ToList();

    private static byte[] Pdf() => Procedure.Pdf(200);
}
