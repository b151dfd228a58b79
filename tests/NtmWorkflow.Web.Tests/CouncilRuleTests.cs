using System.Text.RegularExpressions;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>
/// The app on a copy of the shipped definitions whose 2026 council carries with three quarters of those present (the
/// shipped files hold 90 % everywhere), so that one session holds dossiers judged by different rules.
/// </summary>
public sealed class LenientCouncil2026App : NtmApp
{
    private readonly string folder = Lenient();

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Workflows:Folder", folder)];

    private static string Lenient()
    {
        var folder = AppOnFolder.CopyOfShippedWorkflows();
        var file = Path.Combine(folder, "commune-ntm-2026.yaml");
        var text = File.ReadAllText(file);
        var council = new Regex(@"(documents: \[bien-ban-hoi-dong\]\s+requires: \[vote\]\s+vote: \{ min-agree-percent: )90");
        Assert.Single(council.Matches(text));
        File.WriteAllText(file, council.Replace(text, "${1}75"));
        return folder;
    }
}

/// <summary>Each dossier of a session is held to the vote rule of its own definition.</summary>
public sealed class CouncilRuleTests(LenientCouncil2026App app) : IClassFixture<LenientCouncil2026App>
{
    private readonly Procedure procedure = new(app);
    private readonly Council council = new(app);

    [Fact]
    public async Task OneVote_CarriesThe2026DossierAt75Percent_ButNotThe2021OneAt90()
    {
        var earlier = await procedure.At(await app.NewCommune(), "appraisal-council");
        var commune = await app.NewCommune();
        await app.PlaceInGroup(commune);
        var current = await procedure.At(commune, "appraisal-council", Procedure.TwoTier, existing: await procedure.Create(commune, year: 2026));
        var session = await council.Add(await council.Open(), earlier, current);
        session = await council.Attend(session, 19);
        session = await council.Vote(session, earlier, 16);
        session = await council.Vote(session, current, 16);
        Assert.Equal(90, Council.Row(session, earlier).GetProperty("rule").GetProperty("minAgreePercent").GetInt32());
        Assert.Equal(75, Council.Row(session, current).GetProperty("rule").GetProperty("minAgreePercent").GetInt32());

        var concluded = await council.Conclude(await council.Minutes(session));

        Assert.Equal("not-carried", Council.Row(concluded, earlier).GetProperty("outcome").GetString());
        Assert.Equal("carried", Council.Row(concluded, current).GetProperty("outcome").GetString());
        Assert.Equal("rejected", (await procedure.Get(Procedure.Appraiser, earlier)).GetProperty("stage").GetString());
        Assert.Equal("decision", (await procedure.Get(Procedure.Appraiser, current)).GetProperty("stage").GetString());
        var carried = (await procedure.Timeline(commune.Officer, current)).EnumerateArray().Last();
        Assert.Contains("16/19 thành viên có mặt đồng ý (84,2%", carried.GetProperty("comment").GetString());
        Assert.Contains("đạt tỷ lệ ít nhất 75%", carried.GetProperty("comment").GetString());
    }
}
