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
        UnitNode root;
        try
        {
            root = Yaml.Deserialize<UnitNode>(await File.ReadAllTextAsync(file, cancellationToken))
                ?? throw new InvalidDataException($"{file}: tệp đơn vị hành chính rỗng.");
        }
        catch (YamlException e)
        {
            throw new InvalidDataException($"{file}:{e.Start.Line}:{e.Start.Column}: {e.Message}", e);
        }
        var existing = await db.Units.ToDictionaryAsync(u => u.Code, cancellationToken);
        foreach (var (node, parent) in Flatten(root, null, file))
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

    private sealed class UnitNode
    {
        public string Code { get; set; } = "";
        public string Name { get; set; } = "";
        public string Kind { get; set; } = "";
        public string? Region { get; set; }
        public List<UnitNode> Children { get; set; } = [];
    }
}
