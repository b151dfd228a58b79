namespace NtmWorkflow.Engine.Definitions;

/// <summary>
/// The rules a definition must keep as a whole, beyond each key being well formed: every target exists,
/// every stage is reachable and has a way out, and every stage can still reach an end.
/// </summary>
internal static class DefinitionRules
{
    public static void Check(WorkflowDefinition definition, ErrorSink errors)
    {
        foreach (var clash in definition.Stages.Keys.Intersect(definition.Ends.Keys))
        {
            errors.Add(definition.Ends[clash].Line, 1, $"'{clash}' vừa là giai đoạn vừa là kết thúc.");
        }
        if (definition.Stages.Count == 0)
        {
            errors.Add(1, 1, "Quy trình phải có ít nhất một giai đoạn trong 'stages'.");
            return;
        }
        if (definition.Levels.Count == 0)
        {
            errors.Add(1, 1, "Quy trình phải áp dụng cho ít nhất một mức công nhận trong 'levels'.");
        }
        if (!definition.Stages.ContainsKey(definition.Start))
        {
            errors.Add(1, 1, $"Giai đoạn bắt đầu '{definition.Start}' không có trong 'stages'.");
            return;
        }
        // A wrong target makes whole branches look unreachable: report the cause alone, not its echoes.
        if (CheckTargets(definition, errors))
        {
            CheckReachable(definition, errors);
            CheckWayOut(definition, errors);
        }
    }

    private static bool CheckTargets(WorkflowDefinition definition, ErrorSink errors)
    {
        var valid = true;
        foreach (var stage in definition.Stages.Values)
        {
            foreach (var action in stage.Actions.Values)
            {
                if (action.PausesClock && stage.Limit is null)
                {
                    errors.Add(action.Line, 1, $"Hành động '{action.Name}' dừng thời hạn nhưng giai đoạn '{stage.Name}' không có 'limit'.");
                }
                if (action.Checks.Contains(GateCheck.Posting) && stage.Posting is null)
                {
                    errors.Add(action.Line, 1, $"Hành động '{action.Name}' chờ hết thời gian niêm yết nhưng giai đoạn '{stage.Name}' không có 'posting'.");
                }
                foreach (var unknown in action.Documents.Where(d => !definition.Documents.ContainsKey(d)))
                {
                    errors.Add(action.Line, 1, $"Hành động '{action.Name}' yêu cầu loại tài liệu '{unknown}' không khai báo trong 'documents'.");
                }
            }
            if (stage.Posting is not null && !stage.Actions.Values.Any(a => a.Checks.Contains(GateCheck.Posting)))
            {
                errors.Add(stage.Line, 1,
                    $"Giai đoạn '{stage.Name}' có thời gian niêm yết nhưng không hành động nào chờ hết thời gian đó (thêm 'posting' vào 'checks').");
            }
            foreach (var action in stage.Actions.Values.Where(a => !IsStep(definition, a.To)))
            {
                errors.Add(action.Line, 1,
                    $"Hành động '{action.Name}' của giai đoạn '{stage.Name}' chuyển tới '{action.To}', không phải giai đoạn hay kết thúc nào.");
                valid = false;
            }
        }
        return valid;
    }

    private static void CheckReachable(WorkflowDefinition definition, ErrorSink errors)
    {
        var reached = Closure([definition.Start], step => Targets(definition, step));
        foreach (var stage in definition.Stages.Values.Where(s => !reached.Contains(s.Name)))
        {
            errors.Add(stage.Line, 1, $"Giai đoạn '{stage.Name}' không thể tới được từ giai đoạn bắt đầu '{definition.Start}'.");
        }
        foreach (var end in definition.Ends.Values.Where(e => !reached.Contains(e.Name)))
        {
            errors.Add(end.Line, 1, $"Kết thúc '{end.Name}' không có hành động nào dẫn tới.");
        }
    }

    private static void CheckWayOut(WorkflowDefinition definition, ErrorSink errors)
    {
        var canEnd = Closure(definition.Ends.Keys, step => Sources(definition, step));
        foreach (var stage in definition.Stages.Values)
        {
            if (stage.Actions.Count == 0)
            {
                errors.Add(stage.Line, 1, $"Giai đoạn '{stage.Name}' không có hành động nào để đi tiếp.");
            }
            else if (!canEnd.Contains(stage.Name))
            {
                errors.Add(stage.Line, 1, $"Từ giai đoạn '{stage.Name}' không thể đi tới kết thúc nào.");
            }
        }
    }

    private static bool IsStep(WorkflowDefinition definition, string name) =>
        definition.Stages.ContainsKey(name) || definition.Ends.ContainsKey(name);

    private static IEnumerable<string> Targets(WorkflowDefinition definition, string step) =>
        definition.Stages.TryGetValue(step, out var stage) ? stage.Actions.Values.Select(a => a.To) : [];

    private static IEnumerable<string> Sources(WorkflowDefinition definition, string step) =>
        definition.Stages.Values.Where(s => s.Actions.Values.Any(a => a.To == step)).Select(s => s.Name);

    private static HashSet<string> Closure(IEnumerable<string> seeds, Func<string, IEnumerable<string>> next)
    {
        var seen = new HashSet<string>(seeds);
        var queue = new Queue<string>(seen);
        while (queue.TryDequeue(out var step))
        {
            foreach (var target in next(step).Where(seen.Add))
            {
                queue.Enqueue(target);
            }
        }
        return seen;
    }
}
