using NtmWorkflow.Engine.Definitions;

namespace NtmWorkflow.Engine.Criteria;

/// <summary>A commune group of the 2026–2030 criteria (nhóm xã), as the groups file defines it.</summary>
public sealed record CommuneGroup(string Code, string Name, string? Definition);

/// <summary>
/// The commune groups a commune may be placed in: a legal fact (Decision 51/2025/QĐ-TTg), so read from the groups file
/// of <c>workflows/</c>, never written in code. Each problem is reported with its line.
/// </summary>
public sealed class CommuneGroupCatalog
{
    private CommuneGroupCatalog(string? legalBasis, bool provisional, IReadOnlyList<CommuneGroup> all)
    {
        LegalBasis = legalBasis;
        Provisional = provisional;
        All = all;
    }

    public string? LegalBasis { get; }

    /// <summary>Whether the definitions await checking against the official text.</summary>
    public bool Provisional { get; }

    public IReadOnlyList<CommuneGroup> All { get; }

    public CommuneGroup? Find(string? code) => All.FirstOrDefault(g => g.Code == code);

    /// <summary>This list, once every group a criteria set keys its thresholds by is known to it.</summary>
    /// <exception cref="DefinitionException">Naming each set and the groups it uses that the list lacks.</exception>
    public CommuneGroupCatalog Covering(CriteriaCatalog criteria)
    {
        var errors = criteria.All
            .Select(set => (set, Missing: set.Groups.Where(g => Find(g) is null).ToList()))
            .Where(x => x.Missing.Count > 0)
            .Select(x => new DefinitionError("criteria/" + x.set.Source, 1, 1,
                $"Bộ tiêu chí '{x.set.Id}' đặt ngưỡng theo nhóm {string.Join(", ", x.Missing)} mà tệp nhóm xã không có."))
            .ToList();
        return errors.Count == 0 ? this : throw new DefinitionException(errors);
    }

    /// <exception cref="DefinitionException">The file is missing or has problems, each with file, line and reason.</exception>
    public static CommuneGroupCatalog Load(string file)
    {
        string content;
        try
        {
            content = File.ReadAllText(file);
        }
        catch (IOException e)
        {
            throw new DefinitionException([new DefinitionError(file, 0, 0, $"Không đọc được tệp nhóm xã ({e.Message}).")]);
        }
        return Parse(content, Path.GetFileName(file));
    }

    /// <exception cref="DefinitionException">With every problem found.</exception>
    public static CommuneGroupCatalog Parse(string content, string source)
    {
        var errors = new ErrorSink(source);
        var catalog = YamlText.ReadRoot(content, errors, "danh mục nhóm xã") is { } root ? Read(root, errors) : null;
        if (errors.Errors.Count > 0 || catalog is null)
        {
            throw new DefinitionException(errors.Errors);
        }
        return catalog;
    }

    private static CommuneGroupCatalog Read(YamlMappingReader root, ErrorSink errors)
    {
        var legalBasis = root.String("legal-basis", required: false);
        var status = root.OneOf("status", ["official", "provisional"]);
        var groups = new List<CommuneGroup>();
        foreach (var item in root.MappingList("commune-groups"))
        {
            var code = item.Name("code");
            var name = item.String("name");
            var definition = item.String("definition", required: false);
            item.RejectUnknownKeys();
            if (code is not null && groups.Any(g => g.Code == code))
            {
                errors.Add(item.Node, $"Mã nhóm xã '{code}' được khai báo hai lần.");
            }
            else if (code is not null && name is not null)
            {
                groups.Add(new CommuneGroup(code, name, definition));
            }
        }
        if (groups.Count == 0 && root.Optional("commune-groups") is { } list && errors.Errors.Count == 0)
        {
            errors.Add(list, "'commune-groups' cần ít nhất một nhóm.");
        }
        root.RejectUnknownKeys();
        return new CommuneGroupCatalog(legalBasis, status == "provisional", groups);
    }
}
