using System.Security.Cryptography;
using System.Text;
using YamlDotNet.RepresentationModel;

namespace NtmWorkflow.Engine.Definitions;

/// <summary>Turns the text of one definition file into a validated <see cref="WorkflowDefinition"/>.</summary>
public static class DefinitionParser
{
    private static readonly Dictionary<string, GateCheck> CheckNames = new()
    {
        ["criteria"] = GateCheck.Criteria,
        ["conditions"] = GateCheck.Conditions,
        ["reviews"] = GateCheck.Reviews,
        ["revocation-rule"] = GateCheck.RevocationRule,
        ["posting"] = GateCheck.Posting,
    };

    private static readonly Dictionary<string, RequiredField> FieldNames = new()
    {
        ["comment"] = RequiredField.Comment,
        ["vote"] = RequiredField.Vote,
        ["decision"] = RequiredField.Decision,
        ["ceremony"] = RequiredField.Ceremony,
    };

    /// <exception cref="DefinitionException">With every problem found, each with file, line and reason.</exception>
    public static WorkflowDefinition Parse(string content, string source)
    {
        var errors = new ErrorSink(source);
        var root = YamlText.ReadRoot(content, errors, "định nghĩa");
        var definition = root is null ? null : ReadDefinition(root, errors, ContentHash(content), source);
        if (definition is not null)
        {
            DefinitionRules.Check(definition, errors);
        }
        if (errors.Errors.Count > 0 || definition is null)
        {
            throw new DefinitionException(errors.Errors);
        }
        return definition;
    }

    /// <summary>SHA-256 of the text with line endings normalised, so a checkout on Windows keeps the same hash.</summary>
    public static string ContentHash(string content) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content.ReplaceLineEndings("\n"))));

    private static WorkflowDefinition? ReadDefinition(YamlMappingReader root, ErrorSink errors, string hash, string source)
    {
        var id = root.Name("id");
        var version = root.PositiveInt("version");
        var title = root.String("title");
        var legalBasis = root.String("legal-basis", required: false);
        var subject = root.OneOf("subject", Subjects.All);
        var purpose = root.OneOf("purpose", Purposes.All, required: false) ?? Purposes.Recognition;
        var levels = ReadLevels(root, errors);
        var criteria = ReadCriteria(root.Mapping("criteria"), levels, errors);
        var documents = ReadNamed(root.Mapping("documents", required: false), errors, ReadDocumentType);
        var start = root.String("start");
        var stages = ReadNamed(root.Mapping("stages"), errors, ReadStage);
        var ends = ReadNamed(root.Mapping("ends"), errors, ReadEnd);
        root.RejectUnknownKeys();

        if (id is null || version is null || title is null || subject is null || start is null)
        {
            return null;
        }
        return new WorkflowDefinition(
            id, version.Value, title, legalBasis, subject, purpose, levels, criteria, documents, start, stages, ends, hash, source);
    }

    private static List<string> ReadLevels(YamlMappingReader root, ErrorSink errors)
    {
        var levels = new List<string>();
        foreach (var level in root.ScalarList("levels"))
        {
            if (!Levels.IsKnown(level.Value!))
            {
                errors.Add(level, $"Mức công nhận '{level.Value}' không tồn tại (dùng: {string.Join(", ", Levels.All)}).");
            }
            else
            {
                levels.Add(level.Value!);
            }
        }
        return levels;
    }

    /// <summary>Which criteria set judges each level: every level needs one, and only those levels.</summary>
    private static Dictionary<string, CriteriaReference> ReadCriteria(YamlMappingReader? mapping, List<string> levels, ErrorSink errors)
    {
        var criteria = new Dictionary<string, CriteriaReference>();
        if (mapping is null)
        {
            return criteria;
        }
        foreach (var (key, value) in mapping.Entries())
        {
            if (!levels.Contains(key.Value!))
            {
                errors.Add(key, $"'criteria' khai báo mức '{key.Value}' không có trong 'levels'.");
            }
            else if (errors.Scalar(value, key.Value!) is { } setId)
            {
                criteria[key.Value!] = new CriteriaReference(setId, (int)value.Start.Line);
            }
        }
        foreach (var level in levels.Where(l => !criteria.ContainsKey(l)))
        {
            errors.Add(mapping.Node, $"'criteria' cần bộ tiêu chí cho mức '{level}'.");
        }
        return criteria;
    }

    private static Dictionary<string, T> ReadNamed<T>(
        YamlMappingReader? mapping, ErrorSink errors, Func<string, YamlScalarNode, YamlMappingReader, ErrorSink, T?> read)
        where T : class
    {
        var result = new Dictionary<string, T>();
        if (mapping is null)
        {
            return result;
        }
        foreach (var (key, value) in mapping.Entries())
        {
            var name = key.Value!;
            if (!YamlText.IsKebabCase(name))
            {
                errors.Add(key, $"Tên '{name}' phải viết thường, nối bằng gạch ngang (ví dụ district-review).");
            }
            var reader = errors.Mapping(value, name);
            if (reader is not null && read(name, key, reader, errors) is { } item)
            {
                result[name] = item;
            }
        }
        return result;
    }

    private static StageDefinition? ReadStage(string name, YamlScalarNode key, YamlMappingReader stage, ErrorSink errors)
    {
        var title = stage.String("title");
        var actor = stage.OneOf("actor", Roles.All);
        var limit = ReadLimit(stage.Mapping("limit", required: false), "limit", errors);
        var posting = ReadLimit(stage.Mapping("posting", required: false), "posting", errors);
        var reminders = ReminderPolicyParser.Read(stage, actor, limit, errors);
        var status = stage.OneOf("status", DossierStatuses.ForStages, required: false) ?? DossierStatuses.InProgress;
        var selfAssessment = stage.Bool("self-assessment") ?? false;
        var review = stage.Bool("review") ?? false;
        var actions = ReadNamed(stage.Mapping("actions", required: false), errors,
            (actionName, actionKey, action, sink) => ReadAction(actionName, actionKey, action, actor, sink));
        stage.RejectUnknownKeys();
        return title is null || actor is null
            ? null
            : new StageDefinition(name, title, actor, limit, status, selfAssessment, review, actions, (int)key.Start.Line)
            {
                Posting = posting,
                Reminders = reminders,
            };
    }

    private static ActionDefinition? ReadAction(
        string name, YamlScalarNode key, YamlMappingReader action, string? stageActor, ErrorSink errors)
    {
        var title = action.String("title");
        var to = action.String("to");
        var actor = action.OneOf("actor", Roles.All, required: false) ?? stageActor;
        var requires = new HashSet<RequiredField>();
        foreach (var field in action.ScalarList("requires", required: false))
        {
            if (FieldNames.TryGetValue(field.Value!, out var known))
            {
                requires.Add(known);
            }
            else
            {
                errors.Add(field, $"Trường '{field.Value}' không tồn tại (dùng: {string.Join(", ", FieldNames.Keys)}).");
            }
        }
        var checks = new HashSet<GateCheck>();
        foreach (var check in action.ScalarList("checks", required: false))
        {
            if (CheckNames.TryGetValue(check.Value!, out var known))
            {
                checks.Add(known);
            }
            else
            {
                errors.Add(check, $"Điều kiện kiểm tra '{check.Value}' không tồn tại (dùng: {string.Join(", ", CheckNames.Keys)}).");
            }
        }
        var documents = action.ScalarList("documents", required: false).Select(d => d.Value!).ToList();
        var pausesClock = action.Bool("pauses-clock") ?? false;
        var vote = ReadVote(action.Mapping("vote", required: false), errors);
        if (vote is not null && !requires.Contains(RequiredField.Vote))
        {
            errors.Add(action.Node, $"Hành động '{name}' đặt ngưỡng biểu quyết nhưng không yêu cầu 'vote' trong 'requires'.");
        }
        action.RejectUnknownKeys();
        return title is null || to is null || actor is null
            ? null
            : new ActionDefinition(name, title, to, actor, requires, vote, checks, documents, pausesClock, (int)key.Start.Line);
    }

    /// <summary>The regulation's wording of a threshold: "at-least" (≥, the default for agreement) or "more-than" (>).</summary>
    private static readonly Dictionary<string, Comparison> ComparisonNames = new()
    {
        ["at-least"] = Comparison.AtLeast,
        ["more-than"] = Comparison.MoreThan,
    };

    private static Comparison? Comparisons(string? name) => name is null ? null : ComparisonNames[name];

    private static VoteRule? ReadVote(YamlMappingReader? vote, ErrorSink errors)
    {
        if (vote is null)
        {
            return null;
        }
        var percent = vote.PositiveInt("min-agree-percent");
        var agree = Comparisons(vote.OneOf("agree", [.. ComparisonNames.Keys], required: false));
        var quorum = vote.PositiveInt("quorum-percent", required: false);
        var quorumComparison = Comparisons(vote.OneOf("quorum", [.. ComparisonNames.Keys], required: false));
        vote.RejectUnknownKeys();
        if (percent > 100 || quorum > 100)
        {
            errors.Add(vote.Node, "'min-agree-percent' và 'quorum-percent' không được lớn hơn 100.");
            return null;
        }
        return percent is null
            ? null
            : new VoteRule(percent.Value, agree ?? Comparison.AtLeast, quorum ?? 50, quorumComparison ?? Comparison.MoreThan);
    }

    private static TimeLimit? ReadLimit(YamlMappingReader? limit, string key, ErrorSink errors)
    {
        if (limit is null)
        {
            return null;
        }
        var workingDays = limit.PositiveInt("working-days", required: false);
        var days = limit.PositiveInt("days", required: false);
        limit.RejectUnknownKeys();
        if ((workingDays is null) == (days is null))
        {
            errors.Add(limit.Node, $"'{key}' cần đúng một trong hai khóa: 'working-days' (ngày làm việc) hoặc 'days' (ngày).");
            return null;
        }
        return workingDays is { } w ? new TimeLimit(w, LimitUnit.WorkingDays) : new TimeLimit(days!.Value, LimitUnit.Days);
    }

    private static DocumentType? ReadDocumentType(string code, YamlScalarNode key, YamlMappingReader type, ErrorSink errors)
    {
        var title = type.String("title");
        var isPublic = type.Bool("public") ?? false;
        var uploadedBy = new List<string>();
        foreach (var role in type.ScalarList("uploaded-by", required: false))
        {
            if (Roles.All.Contains(role.Value!))
            {
                uploadedBy.Add(role.Value!);
            }
            else
            {
                errors.Add(role, $"Vai trò '{role.Value}' không tồn tại (dùng: {string.Join(", ", Roles.All)}).");
            }
        }
        type.RejectUnknownKeys();
        return title is null ? null : new DocumentType(code, title, isPublic, (int)key.Start.Line, uploadedBy.Count > 0 ? uploadedBy : null);
    }

    private static EndDefinition? ReadEnd(string name, YamlScalarNode key, YamlMappingReader end, ErrorSink errors)
    {
        var title = end.String("title");
        var status = end.OneOf("status", DossierStatuses.ForEnds, required: false);
        end.RejectUnknownKeys();
        if (status is null && DossierStatuses.ForEnds.Contains(name))
        {
            status = name;
        }
        else if (status is null)
        {
            errors.Add(key, $"Kết thúc '{name}' cần 'status' ({string.Join(", ", DossierStatuses.ForEnds)}).");
        }
        return title is null || status is null ? null : new EndDefinition(name, title, status, (int)key.Start.Line);
    }
}
