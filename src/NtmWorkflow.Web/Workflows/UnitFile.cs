using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace NtmWorkflow.Web.Workflows;

/// <summary>Loads the administrative tree from its YAML file into the database: new units added, renamed ones renamed.</summary>
public static class UnitFile
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(HyphenatedNamingConvention.Instance)
        .Build();

    public static async Task SyncAsync(AppDbContext db, string file, CancellationToken cancellationToken)
    {
        var nodes = Read(file);
        var existing = await db.Units.ToDictionaryAsync(u => u.Code, cancellationToken);
        foreach (var (node, parent) in nodes)
        {
            if (existing.TryGetValue(node.Code, out var unit))
            {
                if (unit.Name != node.Name)
                {
                    unit.Rename(node.Name);
                }
                continue;
            }
            var parentUnit = parent is null ? null : existing[parent.Code];
            existing[node.Code] = db.Units.Add(new AdministrativeUnit(node.Code, node.Name, node.Kind, parentUnit, node.Region)).Entity;
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The units the file lists, each with its parent, parents first; a broken file throws naming the problem.</summary>
    /// <exception cref="InvalidDataException">The file is missing, not YAML, or lists a unit without code, name or kind, or a code twice.</exception>
    public static IReadOnlyList<(UnitNode Node, UnitNode? Parent)> Read(string file)
    {
        UnitNode root;
        try
        {
            root = Yaml.Deserialize<UnitNode>(File.ReadAllText(file))
                ?? throw new InvalidDataException($"{file}: tệp đơn vị hành chính rỗng.");
        }
        catch (YamlException e)
        {
            throw new InvalidDataException($"{file}:{e.Start.Line}:{e.Start.Column}: {e.Message}", e);
        }
        catch (IOException e)
        {
            throw new InvalidDataException($"{file}: không đọc được tệp đơn vị hành chính ({e.Message}).", e);
        }
        var nodes = Flatten(root, null, file).ToList();
        if (nodes.GroupBy(n => n.Node.Code).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new InvalidDataException($"{file}: mã đơn vị '{twice.Key}' xuất hiện {twice.Count()} lần.");
        }
        return nodes;
    }

    private static IEnumerable<(UnitNode Node, UnitNode? Parent)> Flatten(UnitNode node, UnitNode? parent, string file)
    {
        if (string.IsNullOrWhiteSpace(node.Code) || string.IsNullOrWhiteSpace(node.Name) || !UnitKinds.All.Contains(node.Kind))
        {
            throw new InvalidDataException(
                $"{file}: đơn vị '{node.Code}' cần code, name và kind ({string.Join(", ", UnitKinds.All)}).");
        }
        yield return (node, parent);
        foreach (var child in node.Children.SelectMany(c => Flatten(c, node, file)))
        {
            yield return child;
        }
    }

    public sealed class UnitNode
    {
        public string Code { get; set; } = "";
        public string Name { get; set; } = "";
        public string Kind { get; set; } = "";
        public string? Region { get; set; }
        public List<UnitNode> Children { get; set; } = [];
    }
}
