using System.Net;
using System.Net.Http.Json;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Web.Tests;

/// <summary>In Production the demo users are never created, whatever the settings say, and HTTPS is insisted on.</summary>
public sealed class ProductionTests(ProductionTests.ProductionApp app) : IClassFixture<ProductionTests.ProductionApp>
{
    public sealed class ProductionApp : NtmApp
    {
        protected override string Environment => "Production";
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("xa.tanhoi")]
    public async Task DemoUsers_AreNotSeededInProduction_EvenWhenAskedTo(string userName)
    {
        var response = await app.Anonymous().PostAsJsonAsync("/api/auth/login", new { userName, password = NtmApp.Password });
        await ProblemAssert.Is(HttpStatusCode.Unauthorized, response);
    }

    [Fact]
    public async Task OverHttps_TheBrowserIsToldToKeepToHttps()
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://ntm.dongthap.gov.vn"),
        });

        var response = await client.GetAsync("/Public/Decisions");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("max-age=", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task PublicRegistry_AnswersInProduction()
    {
        var response = await app.Anonymous().GetAsync("/api/public/decisions");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
