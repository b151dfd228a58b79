namespace NtmWorkflow.Web.Tests.Support;

/// <summary>
/// The app reading its definitions from a folder the test wrote, on a database shared by every app given the same
/// key: so a test can start, stop, edit the definitions and start again as an administrator would.
/// </summary>
public sealed class AppOnFolder(string workflowsFolder, string databaseKey, bool keepDatabase)
    : NtmApp(databaseKey, keepDatabase)
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Workflows:Folder", workflowsFolder)];

    /// <summary>
    /// Starts an app on the folder and stops it, as a deployment that ran before an edit; returns the key of the database
    /// it leaves behind.
    /// </summary>
    public static async Task<string> RunOnce(string workflowsFolder)
    {
        var key = Guid.NewGuid().ToString("N");
        await using var app = new AppOnFolder(workflowsFolder, key, keepDatabase: true);
        app.CreateClient();
        return key;
    }

    /// <summary>A copy of the shipped workflows folder (definitions, calendars, units) that the test may edit.</summary>
    public static string CopyOfShippedWorkflows()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "workflows");
        var target = Path.Combine(Path.GetTempPath(), "ntm-tests", "workflows-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        return target;
    }
}
