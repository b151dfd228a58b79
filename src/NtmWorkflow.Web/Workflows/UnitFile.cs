using System.Globalization;
using NtmWorkflow.Engine.Definitions;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace NtmWorkflow.Web.Workflows;

/// <summary>
/// The units file (workflows/units/units.yaml): the tree of units, each where it was created, and an ordered list of
/// reorganisations (merges, moves, dissolutions) applied once each, in order. Read and checked here, without a
/// database: every problem is reported with its file and line, including a change the tree does not allow (a merge into
/// another tier, a move under a unit's own descendant), found by applying the changes to the file's own tree.
/// </summary>
public static class UnitFile
{
    public sealed record Unit(string Code, string Name, string Kind, string? ParentCode, string? Region, string? OfficialCode, DateOnly? ValidFrom);

    /// <param name="Target">The unit merged into (merge) or moved under (move); null for a dissolution.</param>
    public sealed record Step(string Kind, string UnitCode, string? Target, int Line, int Column);

    public sealed record Reorganisation(
        string Id, string? Title, string? Resolution, DateOnly? ResolutionDate, DateOnly Effective, IReadOnlyList<Step> Steps)
    {
        /// <summary>What each step of this change rests on, as the units file applies it at <paramref name="at"/>.</summary>
        public UnitReorganiser.Basis Basis(DateTime at) => new(Resolution, ResolutionDate, Effective, UnitChange.UnitsFile, at, Id);
    }

    public sealed record Content(IReadOnlyList<Unit> Units, IReadOnlyList<Reorganisation> Reorganisations);

    /// <summary>The file's units, parents first, and its reorganisations in order.</summary>
    /// <exception cref="DefinitionException">With every problem found, each as file:line:column: reason.</exception>
    public static Content Read(string file)
    {
        var errors = new ErrorSink(file);
        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (IOException e)
        {
            throw new DefinitionException([new DefinitionError(file, 1, 1, $"Không đọc được tệp đơn vị hành chính ({e.Message}).")]);
        }
        var units = new List<Unit>();
        var reorganisations = new List<Reorganisation>();
        if (YamlText.ReadRoot(text, errors, "cây đơn vị hành chính") is { } root)
        {
            var reorganisationList = root.Optional("reorganisations");
            ReadUnit(root, null, units, errors, new Dictionary<string, YamlNode>());
            if (reorganisationList is not null)
            {
                reorganisations.AddRange(ReadReorganisations(reorganisationList, errors));
            }
        }
        Rehearse(units, reorganisations, errors);
        if (errors.Errors.Count > 0)
        {
            throw new DefinitionException(errors.Errors);
        }
        return new Content(units, reorganisations);
    }

    private static void ReadUnit(YamlMappingReader node, Unit? parent, List<Unit> units, ErrorSink errors, Dictionary<string, YamlNode> seen)
    {
        var code = node.String("code");
        var name = node.String("name");
        var kind = node.String("kind");
        var region = node.String("region", required: false);
        var officialCode = node.String("official-code", required: false);
        var validFrom = Date(node, "valid-from", errors, required: false);
        var children = node.Optional("children");
        if (parent is null)
        {
            node.Optional("reorganisations");
        }
        node.RejectUnknownKeys();
        if (kind is not null && !UnitKinds.IsKnown(kind))
        {
            errors.Add(node.Optional("kind")!, $"'kind' không nhận giá trị '{kind}' (dùng: {string.Join(", ", UnitKinds.All)}).");
            kind = null;
        }
        if (kind is not null && parent is not null && UnitKinds.Tier(kind) <= UnitKinds.Tier(parent.Kind))
        {
            errors.Add(node.Node, $"Đơn vị '{code}' ({UnitKinds.VietnameseName(kind)}) không thể nằm dưới '{parent.Code}' ({UnitKinds.VietnameseName(parent.Kind)}).");
        }
        if (code is not null && seen.TryGetValue(code, out var first))
        {
            errors.Add(node.Node, $"mã đơn vị '{code}' xuất hiện 2 lần (lần đầu ở dòng {first.Start.Line}).");
        }
        if (code is null || name is null || kind is null || seen.ContainsKey(code))
        {
            return;
        }
        seen[code] = node.Node;
        var unit = new Unit(code, name, UnitKinds.Normalize(kind), parent?.Code, region, officialCode, validFrom);
        units.Add(unit);
        if (children is null)
        {
            return;
        }
        if (children is not YamlSequenceNode list)
        {
            errors.Add(children, "'children' phải là một danh sách các mục '- ...'.");
            return;
        }
        foreach (var child in list.Children.Select(c => errors.Mapping(c, "children")).OfType<YamlMappingReader>())
        {
            ReadUnit(child, unit, units, errors, seen);
        }
    }

    private static IEnumerable<Reorganisation> ReadReorganisations(YamlNode list, ErrorSink errors)
    {
        if (list is not YamlSequenceNode sequence)
        {
            errors.Add(list, "'reorganisations' phải là một danh sách các mục '- id: ...'.");
            yield break;
        }
        var ids = new Dictionary<string, YamlNode>();
        foreach (var change in sequence.Children.Select(c => errors.Mapping(c, "reorganisations")).OfType<YamlMappingReader>())
        {
            var id = change.String("id");
            var title = change.String("title", required: false);
            var resolution = change.String("resolution", required: false);
            var resolutionDate = Date(change, "resolution-date", errors, required: false);
            var effective = Date(change, "effective", errors, required: true);
            var steps = change.MappingList("steps").Select(s => ReadStep(s, errors)).OfType<Step>().ToList();
            change.RejectUnknownKeys();
            if (id is not null && !ids.TryAdd(id, change.Node))
            {
                errors.Add(change.Optional("id")!, $"Mã thay đổi '{id}' đã dùng ở dòng {ids[id].Start.Line}; mỗi thay đổi cần một mã riêng.");
            }
            else if (id is not null && effective is { } day)
            {
                yield return new Reorganisation(id, title, resolution, resolutionDate, day, steps);
            }
        }
    }

    private static Step? ReadStep(YamlMappingReader step, ErrorSink errors)
    {
        var merge = step.String("merge", required: false);
        var move = step.String("move", required: false);
        var dissolve = step.String("dissolve", required: false);
        var into = step.String("into", required: false);
        var under = step.String("under", required: false);
        step.RejectUnknownKeys();
        var (line, column) = ((int)step.Node.Start.Line, (int)step.Node.Start.Column);
        return (merge, move, dissolve) switch
        {
            ({ } unit, null, null) when into is not null && under is null => new Step(UnitChangeKinds.Merge, unit, into, line, column),
            (null, { } unit, null) when under is not null && into is null => new Step(UnitChangeKinds.Move, unit, under, line, column),
            (null, null, { } unit) when into is null && under is null => new Step(UnitChangeKinds.Dissolve, unit, null, line, column),
            _ => Invalid(),
        };

        Step? Invalid()
        {
            errors.Add(step.Node, "Mỗi bước là đúng một trong: 'merge: <mã> + into: <mã>', 'move: <mã> + under: <mã>', 'dissolve: <mã>'.");
            return null;
        }
    }

    /// <summary>Applies the changes to the file's own tree, so that a change the tree refuses is reported with its line.</summary>
    private static void Rehearse(List<Unit> units, List<Reorganisation> reorganisations, ErrorSink errors)
    {
        var tree = new Dictionary<string, AdministrativeUnit>();
        foreach (var unit in units)
        {
            tree[unit.Code] = new AdministrativeUnit(unit.Code, unit.Name, unit.Kind, unit.ParentCode is { } p ? tree[p] : null);
        }
        foreach (var change in reorganisations)
        {
            foreach (var step in change.Steps)
            {
                try
                {
                    Apply(step, change, tree.GetValueOrDefault, tree.Values, DateTime.UnixEpoch);
                }
                catch (ProblemException e)
                {
                    errors.Add(step.Line, step.Column, $"Thay đổi '{change.Id}': {e.Message}");
                }
            }
        }
    }

    /// <summary>One step of a change on the given units; the unit's rule refuses it with a <see cref="ProblemException"/>.</summary>
    internal static (UnitChange Change, (string From, string To)? Moved) Apply(
        Step step, Reorganisation change, Func<string, AdministrativeUnit?> find, IEnumerable<AdministrativeUnit> tree, DateTime at)
    {
        var unit = find(step.UnitCode) ?? throw ProblemException.NotFound($"Không có đơn vị mã '{step.UnitCode}'.");
        var target = step.Target is { } code
            ? find(code) ?? throw ProblemException.NotFound($"Không có đơn vị mã '{code}'.")
            : null;
        return UnitReorganiser.Apply(step.Kind, unit, target, tree, change.Basis(at));
    }

    private static DateOnly? Date(YamlMappingReader node, string key, ErrorSink errors, bool required)
    {
        var text = node.String(key, required);
        if (text is null)
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        errors.Add(node.Optional(key)!, $"'{key}' phải là ngày dạng yyyy-MM-dd, không phải '{text}'.");
        return null;
    }
}
