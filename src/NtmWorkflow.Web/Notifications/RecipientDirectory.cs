namespace NtmWorkflow.Web.Notifications;

/// <summary>Officials found by the unit they sit in and the role they hold; answers who has a unit in scope.</summary>
internal sealed class RecipientDirectory(ILookup<(string UnitPath, string Role), Recipient> officials)
{
    /// <summary>The officials holding the role in the unit or in any unit above it, each once.</summary>
    public IReadOnlyList<Recipient> For(string unitPath, string role) =>
        UnitAndAncestors(unitPath).SelectMany(path => officials[(path, role)]).DistinctBy(r => r.Id).ToList();

    /// <summary>"/vn/dt/hn/" → "/vn/", "/vn/dt/", "/vn/dt/hn/": the paths whose officials have the unit in scope.</summary>
    public static IEnumerable<string> UnitAndAncestors(string unitPath)
    {
        for (var end = unitPath.IndexOf('/', 1); end > 0; end = unitPath.IndexOf('/', end + 1))
        {
            yield return unitPath[..(end + 1)];
        }
    }
}
