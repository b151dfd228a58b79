namespace NtmWorkflow.Web.Domain;

/// <summary>
/// A node of the administrative tree. <see cref="Path"/> lists the codes from the root ("/vn/dong-thap/…/"), so a
/// user's scope (their unit's subtree) is a prefix match that any database can index.
/// </summary>
public sealed class AdministrativeUnit
{
    private AdministrativeUnit()
    {
    }

    public AdministrativeUnit(string code, string name, string kind, AdministrativeUnit? parent, string? region = null)
    {
        Code = code;
        Region = region ?? parent?.Region;
        Name = name;
        Kind = kind;
        ParentCode = parent?.Code;
        Path = (parent?.Path ?? "/") + code + "/";
        SearchName = TextSearch.Normalize(name);
    }

    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string Kind { get; private set; } = "";

    public string? ParentCode { get; private set; }

    public string Path { get; private set; } = "";

    public string SearchName { get; private set; } = "";

    /// <summary>The socio-economic region whose indicator thresholds apply; inherited from the parent unit.</summary>
    public string? Region { get; private set; }

    public void Rename(string name)
    {
        Name = name;
        SearchName = TextSearch.Normalize(name);
    }
}

public static class UnitKinds
{
    public const string National = "national";
    public const string Province = "province";
    public const string District = "district";
    public const string Commune = "commune";
    public const string Hamlet = "hamlet";

    public static readonly IReadOnlyList<string> All = [National, Province, District, Commune, Hamlet];
}
