using Microsoft.Playwright;

namespace NtmWorkflow.Browser.Tests.Support;

/// <summary>The README's pictures, taken by the browser tests on the pages they visit.</summary>
public static class Screenshots
{
    /// <summary>
    /// Takes a 1280×800 screenshot: into docs/screenshots/ of the repository (the README's pictures) when
    /// NTM_UPDATE_SCREENSHOTS=1, else beside the test assembly, so an ordinary run leaves the checkout untouched.
    /// </summary>
    public static async Task TakeAsync(IPage page, string name)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "NtmWorkflow.sln")))
        {
            root = root.Parent;
        }
        var folder = Environment.GetEnvironmentVariable("NTM_UPDATE_SCREENSHOTS") == "1" && root is not null
            ? Path.Combine(root.FullName, "docs", "screenshots")
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name) });
    }
}
