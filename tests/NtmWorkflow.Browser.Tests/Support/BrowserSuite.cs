using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NtmWorkflow.Web.Tests.Support;

namespace NtmWorkflow.Browser.Tests.Support;

/// <summary>
/// The application on a real loopback port and Debian's Chromium driven by Playwright, shared by the browser tests.
/// Playwright never downloads a browser here: it is pointed at /usr/bin/chromium.
/// </summary>
public sealed class BrowserSuite : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private IPlaywright? playwright;

    public NtmApp App { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    /// <summary>Drives dossiers through the API, to bring one where a test starts.</summary>
    public Procedure Procedure => new(App);

    /// <summary>A new commune of Thành phố Hồng Ngự and its dossier, entered into district review on Monday 02/03/2026 at 09:00.</summary>
    public async Task<(TestUnit Commune, JsonElement Dossier)> InDistrictReviewAsync()
    {
        var commune = await App.NewCommune();
        return (commune, await Procedure.EnterDistrictReview(commune, new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7))));
    }

    public async Task InitializeAsync()
    {
        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1");
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        playwright?.Dispose();
        await App.DisposeAsync();
    }

    /// <summary>A fresh browser window of 1280×800, as nobody signed in yet.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Locale = "vi-VN",
        });
        var page = await context.NewPageAsync();
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        return page;
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserSuite>
{
    public const string Name = "browser";
}

/// <summary>A browser test: skipped with the reason where Chromium is missing, unless NTM_REQUIRE_BROWSER=1 (CI) makes it fail.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!File.Exists(BrowserSuite.Chromium) && Environment.GetEnvironmentVariable("NTM_REQUIRE_BROWSER") != "1")
        {
            Skip = $"Chromium is not installed at {BrowserSuite.Chromium} (apt-get install chromium); NTM_REQUIRE_BROWSER=1 turns this into a failure.";
        }
    }
}
