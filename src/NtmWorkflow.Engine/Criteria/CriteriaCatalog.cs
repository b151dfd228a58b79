using NtmWorkflow.Engine.Definitions;

namespace NtmWorkflow.Engine.Criteria;

/// <summary>
/// The criteria sets in force: every <c>*.yaml</c> of a folder, with <c>criteria-from</c> resolved (the model-commune
/// set takes the advanced set's criteria and adds its own conditions).
/// </summary>
public sealed class CriteriaCatalog
{
    private readonly Dictionary<string, CriteriaSet> byId;

    private CriteriaCatalog(Dictionary<string, CriteriaSet> byId) => this.byId = byId;

    public IReadOnlyCollection<CriteriaSet> All => byId.Values;

    public CriteriaSet? Find(string id) => byId.GetValueOrDefault(id);

    /// <exception cref="DefinitionException">With the problems of every file, so one start-up shows them all.</exception>
    public static CriteriaCatalog LoadFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DefinitionException([new DefinitionError(folder, 0, 0, "Không tìm thấy thư mục bộ tiêu chí.")]);
        }
        var errors = new List<DefinitionError>();
        var parsed = new Dictionary<string, CriteriaSet>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            try
            {
                var set = CriteriaParser.Parse(File.ReadAllText(file), name);
                if (!parsed.TryAdd(set.Id, set))
                {
                    errors.Add(new DefinitionError(name, 1, 1, $"Mã bộ tiêu chí '{set.Id}' đã dùng trong {parsed[set.Id].Source}."));
                }
            }
            catch (DefinitionException e)
            {
                errors.AddRange(e.Errors);
            }
        }
        var resolved = parsed.Values.ToDictionary(s => s.Id, s => Resolve(s, parsed, errors));
        if (errors.Count > 0)
        {
            throw new DefinitionException(errors);
        }
        return new CriteriaCatalog(resolved);
    }

    private static CriteriaSet Resolve(CriteriaSet set, Dictionary<string, CriteriaSet> parsed, List<DefinitionError> errors)
    {
        if (set.CriteriaFrom is not { } from)
        {
            return set;
        }
        if (!parsed.TryGetValue(from, out var source) || source.CriteriaFrom is not null || source.Subject != set.Subject)
        {
            errors.Add(new DefinitionError(set.Source, 1, 1,
                $"'criteria-from: {from}' phải là một bộ tiêu chí khác cùng cấp đơn vị, tự khai báo tiêu chí của mình."));
            return set;
        }
        // The resolved hash covers the borrowed criteria too, so a change to either file is a change to this set.
        return set with
        {
            Criteria = source.Criteria,
            Regions = source.Regions,
            ThresholdsBy = source.ThresholdsBy,
            Groups = source.Groups,
            ContentHash = DefinitionParser.ContentHash(set.ContentHash + source.ContentHash),
        };
    }
}
