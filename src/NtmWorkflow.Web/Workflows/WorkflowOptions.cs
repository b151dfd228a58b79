namespace NtmWorkflow.Web.Workflows;

public sealed class WorkflowOptions
{
    public const string Section = "Workflows";

    /// <summary>Folder holding the definitions (*.yaml), criteria/, calendars/, programme/ and units/; relative paths start at the app's folder.</summary>
    public string Folder { get; set; } = "workflows";

    /// <summary>The administrative units file; relative paths start at <see cref="Folder"/>.</summary>
    public string UnitsFile { get; set; } = "units/units.yaml";

    /// <summary>
    /// The commune groups file (nhóm xã); relative paths start at <see cref="Folder"/>. Not directly in the folder,
    /// whose top-level files are all procedure definitions.
    /// </summary>
    public string CommuneGroupsFile { get; set; } = "units/commune-groups.yaml";

    public string ResolveFolder() => Path.GetFullPath(Folder, AppContext.BaseDirectory);

    public string ResolveUnitsFile() => Path.GetFullPath(UnitsFile, ResolveFolder());

    public string ResolveCommuneGroupsFile() => Path.GetFullPath(CommuneGroupsFile, ResolveFolder());
}
