using NtmWorkflow.Engine;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Domain;

/// <summary>
/// A node of the administrative tree. <see cref="Path"/> lists the codes from the root ("/vn/dong-thap/…/"), so a
/// user's scope (their unit's subtree) is a prefix match that any database can index. A unit dissolved by a
/// reorganisation stays in the tree as history: its dossiers and recognitions keep pointing at it, and
/// <see cref="SuccessorCode"/> names the unit it merged into.
/// </summary>
public sealed class AdministrativeUnit
{
    private AdministrativeUnit()
    {
    }

    public AdministrativeUnit(
        string code, string name, string kind, AdministrativeUnit? parent, string? region = null, string? officialCode = null,
        DateOnly? validFrom = null)
    {
        Code = code;
        Region = region ?? parent?.Region;
        Name = name;
        Kind = UnitKinds.Normalize(kind);
        ParentCode = parent?.Code;
        Path = (parent?.Path ?? "/") + code + "/";
        SearchName = TextSearch.Normalize(name);
        OfficialCode = officialCode;
        ValidFrom = validFrom;
    }

    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string Kind { get; private set; } = "";

    public string? ParentCode { get; private set; }

    public string Path { get; private set; } = "";

    public string SearchName { get; private set; } = "";

    /// <summary>The socio-economic region whose indicator thresholds apply; inherited from the parent unit.</summary>
    public string? Region { get; private set; }

    /// <summary>The official code (mã đơn vị hành chính, e.g. 29467); unknown for some historical units.</summary>
    public string? OfficialCode { get; private set; }

    /// <summary>The day the unit came into being, when it was created by a reorganisation.</summary>
    public DateOnly? ValidFrom { get; private set; }

    /// <summary>The day the unit ceased to exist; null while it is in force.</summary>
    public DateOnly? DissolvedOn { get; private set; }

    /// <summary>The unit it merged into; its predecessors are the units naming it here.</summary>
    public string? SuccessorCode { get; private set; }

    /// <summary>The resolution that merged or dissolved it (e.g. 1687/NQ-UBTVQH15).</summary>
    public string? Resolution { get; private set; }

    public DateOnly? ResolutionDate { get; private set; }

    public bool IsDissolvedOn(DateOnly day) => DissolvedOn is { } dissolved && dissolved <= day;

    public void Rename(string name)
    {
        Name = name;
        SearchName = TextSearch.Normalize(name);
    }

    /// <summary>The facts of the official register the units file gives for a unit (code and start), which no API changes.</summary>
    public void Describe(string? officialCode, DateOnly? validFrom) => (OfficialCode, ValidFrom) = (officialCode, validFrom);

    /// <summary>Ends the unit by merging it into another of the same tier, which takes over its territory.</summary>
    public void MergeInto(AdministrativeUnit into, DateOnly on, string? resolution, DateOnly? resolutionDate)
    {
        if (into.Code == Code)
        {
            throw ProblemException.BadRequest("into", $"Không thể sáp nhập '{Name}' vào chính nó.");
        }
        if (UnitKinds.Tier(into.Kind) != UnitKinds.Tier(Kind))
        {
            throw ProblemException.BadRequest("into",
                $"Không thể sáp nhập '{Name}' ({UnitKinds.VietnameseName(Kind)}) vào '{into.Name}' ({UnitKinds.VietnameseName(into.Kind)}): hai đơn vị khác cấp.");
        }
        into.EnsureInForce("into", "không thể sáp nhập vào");
        if (UnitKinds.Tier(Kind) > UnitKinds.Tier(UnitKinds.Province) && ProvincePathOf(Path) != ProvincePathOf(into.Path))
        {
            throw ProblemException.BadRequest("into",
                $"Không thể sáp nhập '{Name}' vào '{into.Name}': hai đơn vị thuộc hai tỉnh khác nhau (sắp xếp cấp tỉnh trước, rồi mới đến cấp xã).");
        }
        End(on, resolution, resolutionDate);
        SuccessorCode = into.Code;
    }

    /// <summary>A 400 naming <paramref name="field"/> when the unit has ended (merged or dissolved): nothing goes into or under it.</summary>
    public void EnsureInForce(string field, string refusal)
    {
        if (DissolvedOn is { } ended)
        {
            throw ProblemException.BadRequest(field, $"'{Name}' đã kết thúc ngày {ended:dd/MM/yyyy}; {refusal}.");
        }
    }

    /// <summary>The path of the province a unit lies in ("/vn/dong-thap/"), whatever lies between.</summary>
    public static string ProvincePathOf(string path) => string.Join('/', path.Split('/').Take(3)) + "/";

    /// <summary>"/vn/dong-thap/hong-ngu/" → "dong-thap"; null for a path above the provinces.</summary>
    public static string? ProvinceCodeOf(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries) is { Length: > 1 } segments ? segments[1] : null;

    /// <summary>Ends the unit without a successor (a district when the district tier was abolished).</summary>
    public void Dissolve(DateOnly on, string? resolution, DateOnly? resolutionDate) => End(on, resolution, resolutionDate);

    /// <summary>
    /// Places the unit under another parent and rewrites the paths of the unit and of <paramref name="subtree"/> (every
    /// unit under it). A parent must be of a higher tier, except that a merged unit may go under the unit it merged
    /// into, so the absorbing unit's officials see its history (Trà Vinh's under Vĩnh Long).
    /// </summary>
    /// <returns>The unit's path before and after, for moving the records that carry it.</returns>
    public (string From, string To) MoveUnder(AdministrativeUnit parent, IEnumerable<AdministrativeUnit> subtree)
    {
        if (parent.Path.StartsWith(Path, StringComparison.Ordinal))
        {
            throw ProblemException.BadRequest("parentCode",
                $"Không thể chuyển '{Name}' vào dưới '{parent.Name}': đó là chính nó hoặc một đơn vị trực thuộc nó.");
        }
        if (UnitKinds.Tier(parent.Kind) >= UnitKinds.Tier(Kind) && SuccessorCode != parent.Code)
        {
            throw ProblemException.BadRequest("parentCode",
                $"'{Name}' ({UnitKinds.VietnameseName(Kind)}) không thể nằm dưới '{parent.Name}' ({UnitKinds.VietnameseName(parent.Kind)}).");
        }
        parent.EnsureInForce("parentCode", "không chuyển đơn vị vào dưới nó");
        var (from, to) = (Path, parent.Path + Code + "/");
        foreach (var unit in subtree.Where(u => u.Path.StartsWith(from, StringComparison.Ordinal) && u.Code != Code))
        {
            unit.Path = to + unit.Path[from.Length..];
        }
        (ParentCode, Path) = (parent.Code, to);
        return (from, to);
    }

    /// <summary>A 409 when no new dossier may be opened for the unit on <paramref name="day"/>: dissolved, or a ward.</summary>
    public void EnsureMayOpenDossier(DateOnly day)
    {
        if (IsDissolvedOn(day))
        {
            var by = Resolution is { } resolution ? $" theo {resolution}" : "";
            var what = SuccessorCode is { } code
                ? $"đã nhập vào đơn vị mã {code} từ ngày {DissolvedOn:dd/MM/yyyy}{by}"
                : $"đã giải thể từ ngày {DissolvedOn:dd/MM/yyyy}{by}";
            throw ProblemException.Conflict(
                    $"{Name} {what}; không lập hồ sơ mới cho đơn vị này (hồ sơ và quyết định công nhận cũ vẫn được lưu).")
                .With("successorCode", SuccessorCode);
        }
        if (Kind == UnitKinds.Phuong)
        {
            throw ProblemException.Conflict(
                $"{Name} là phường. Phường không là đối tượng xét công nhận xã nông thôn mới; hồ sơ cũ của các xã trước sáp nhập vẫn được lưu.");
        }
    }

    private void End(DateOnly on, string? resolution, DateOnly? resolutionDate)
    {
        if (DissolvedOn is { } dissolved)
        {
            throw ProblemException.Conflict($"'{Name}' đã giải thể ngày {dissolved:dd/MM/yyyy}.");
        }
        (DissolvedOn, Resolution, ResolutionDate) = (on, resolution, resolutionDate);
    }
}

/// <summary>
/// The kinds of unit and their tiers. Since 1 July 2025 a commune-tier unit is a xã or a phường (ward); the stored
/// kind "commune" of earlier releases is a xã, and "commune" is still accepted on input.
/// </summary>
public static class UnitKinds
{
    public const string National = "national";
    public const string Province = "province";
    public const string District = "district";
    public const string Xa = "xa";
    public const string Phuong = "phuong";
    public const string Hamlet = "hamlet";

    /// <summary>A commune (xã); the name earlier releases and the tests use for it.</summary>
    public const string Commune = Xa;

    /// <summary>The name earlier releases stored and clients still send for a xã.</summary>
    public const string LegacyCommune = "commune";

    public static readonly IReadOnlyList<string> All = [National, Province, District, Xa, Phuong, Hamlet];

    public static bool IsKnown(string? kind) => kind is not null && (All.Contains(kind) || kind == LegacyCommune);

    public static string Normalize(string kind) => kind == LegacyCommune ? Xa : kind;

    /// <summary>0 for the nation down to 4 for a hamlet; a xã and a phường share the commune tier.</summary>
    public static int Tier(string kind) => Normalize(kind) switch
    {
        National => 0,
        Province => 1,
        District => 2,
        Xa or Phuong => 3,
        Hamlet => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown unit kind."),
    };

    /// <summary>The recognition subject a unit of this kind is (a definition's 'subject'); a ward is none.</summary>
    public static string? SubjectOf(string kind) => Normalize(kind) switch
    {
        Xa => Subjects.Commune,
        District => Subjects.District,
        Hamlet => Subjects.Hamlet,
        _ => null,
    };

    /// <summary>The subject of the unit's tier: a ward's is the commune's, so its refusal can name the reason.</summary>
    public static string? TierSubject(string kind) => Normalize(kind) == Phuong ? Subjects.Commune : SubjectOf(kind);

    public static string VietnameseName(string kind) => Normalize(kind) switch
    {
        National => "trung ương",
        Province => "tỉnh",
        District => "huyện",
        Xa => "xã",
        Phuong => "phường",
        Hamlet => "thôn",
        _ => kind,
    };
}
