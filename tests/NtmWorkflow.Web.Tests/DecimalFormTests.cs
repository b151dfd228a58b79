using System.Net;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>
/// A browser sends a number input's value with a decimal point whatever the page's language, and shows only what it
/// can read back: the pages read and write numbers that way, not in Vietnamese notation ("96,5").
/// </summary>
public sealed class DecimalFormTests(NtmApp app) : IClassFixture<NtmApp>
{
    private readonly Procedure procedure = new(app);

    [Fact]
    public async Task ASatisfactionRateWithADecimalPoint_IsSavedAsTyped_AndShownBackInTheInput()
    {
        var commune = await app.NewCommune();
        var dossier = await procedure.Create(commune, qualify: false);
        var session = await PageSession.SignedIn(app, commune.Officer);
        var page = $"/Dossiers/{Procedure.Id(dossier)}/SelfAssessment";

        var saved = await session.Post($"{page}?handler=Conditions", new()
        {
            ["Conditions.SatisfactionPercent"] = "96.5", ["Conditions.ConstructionDebtVnd"] = "0", ["Conditions.SecurityStable"] = "true",
        });

        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);
        var criteria = await procedure.Criteria(commune.Officer, dossier);
        Assert.Equal(96.5m, criteria.GetProperty("conditions").GetProperty("values").GetProperty("satisfactionPercent").GetDecimal());
        Assert.Contains("value=\"96.5\"", await session.Html(page));
    }
}
