using NtmWorkflow.Engine.Criteria;

namespace NtmWorkflow.Engine.Definitions;

/// <summary>The current definitions: every <c>*.yaml</c> file directly inside the workflows folder.</summary>
public sealed class DefinitionCatalog
{
    private readonly Dictionary<string, WorkflowDefinition> byId;

    private DefinitionCatalog(Dictionary<string, WorkflowDefinition> byId) => this.byId = byId;

    public IReadOnlyCollection<WorkflowDefinition> All => byId.Values;

    public WorkflowDefinition? Find(string id) => byId.GetValueOrDefault(id);

    /// <exception cref="DefinitionException">With the problems of every file, so one start-up shows them all.</exception>
    public static DefinitionCatalog LoadFolder(string folder, CriteriaCatalog criteria)
    {
        if (!Directory.Exists(folder))
        {
            throw new DefinitionException([new DefinitionError(folder, 0, 0, "Không tìm thấy thư mục định nghĩa quy trình.")]);
        }
        var errors = new List<DefinitionError>();
        var byId = new Dictionary<string, WorkflowDefinition>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            try
            {
                var definition = DefinitionParser.Parse(File.ReadAllText(file), name);
                errors.AddRange(CriteriaErrors(definition, criteria));
                if (!byId.TryAdd(definition.Id, definition))
                {
                    errors.Add(new DefinitionError(name, 1, 1, $"Mã quy trình '{definition.Id}' đã dùng trong {byId[definition.Id].Source}."));
                }
            }
            catch (DefinitionException e)
            {
                errors.AddRange(e.Errors);
            }
        }
        if (errors.Count > 0)
        {
            throw new DefinitionException(errors);
        }
        return new DefinitionCatalog(byId);
    }

    /// <summary>Each level's set must exist, be for the same kind of unit, and be the set of that level.</summary>
    private static IEnumerable<DefinitionError> CriteriaErrors(WorkflowDefinition definition, CriteriaCatalog criteria)
    {
        foreach (var (level, reference) in definition.Criteria)
        {
            var set = criteria.Find(reference.SetId);
            var problem = set switch
            {
                null => $"Không có bộ tiêu chí '{reference.SetId}' trong workflows/criteria.",
                _ when set.Subject != definition.Subject => $"Bộ tiêu chí '{set.Id}' dành cho cấp {set.Subject}, quy trình dành cho cấp {definition.Subject}.",
                _ when set.Level != level => $"Bộ tiêu chí '{set.Id}' dành cho mức '{set.Level}', không phải '{level}'.",
                _ => null,
            };
            if (problem is not null)
            {
                yield return new DefinitionError(definition.Source, reference.Line, 1, problem);
            }
        }
    }
}
