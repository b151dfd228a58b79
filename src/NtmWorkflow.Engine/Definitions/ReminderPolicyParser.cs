using YamlDotNet.RepresentationModel;

namespace NtmWorkflow.Engine.Definitions;

/// <summary>
/// Reads a stage's <c>reminders</c> and <c>escalate</c> keys. A timed stage that says nothing gets
/// <see cref="ReminderPolicy.Default"/>; <c>none</c> turns either off.
/// </summary>
internal static class ReminderPolicyParser
{
    private const string None = "none";
    private const string Digest = "digest";

    public static ReminderPolicy? Read(YamlMappingReader stage, string? actor, TimeLimit? limit, ErrorSink errors)
    {
        var remindersNode = stage.Optional("reminders");
        var escalateNode = stage.Optional("escalate");
        if (limit is null)
        {
            foreach (var declared in new[] { remindersNode, escalateNode }.OfType<YamlNode>())
            {
                errors.Add(declared, "Chỉ giai đoạn có thời hạn ('limit') mới đặt được lời nhắc và chuyển cấp.");
            }
            return null;
        }
        if (actor is null)
        {
            return null;
        }
        var defaults = ReminderPolicy.Default(actor);
        var policy = remindersNode switch
        {
            null => defaults,
            YamlScalarNode { Value: Digest } => defaults with { Digest = true },
            _ => ReadReminders(remindersNode, limit, errors) with { Escalation = defaults.Escalation },
        };
        return escalateNode is null ? policy : policy with { Escalation = ReadEscalation(escalateNode, actor, errors) };
    }

    private static ReminderPolicy ReadReminders(YamlNode node, TimeLimit limit, ErrorSink errors)
    {
        var off = new ReminderPolicy([], false, null, null);
        if (node is YamlScalarNode { Value: None })
        {
            return off;
        }
        if (node is not YamlSequenceNode sequence)
        {
            errors.Add(node,
                "'reminders' phải là một danh sách, ví dụ [{ before: 3 }, { on-due: true }, { overdue-every: 1 }], hoặc 'none', hoặc 'digest'.");
            return off;
        }
        var before = new List<int>();
        var onDue = false;
        int? overdueEvery = null;
        var digest = false;
        foreach (var item in sequence.Children)
        {
            if (errors.Mapping(item, "reminders") is not { } reminder)
            {
                continue;
            }
            var days = reminder.Int("before");
            var due = reminder.Bool("on-due");
            var every = reminder.PositiveInt("overdue-every", required: false);
            var summary = reminder.Bool(Digest);
            reminder.RejectUnknownKeys();
            if (new object?[] { days, due, every, summary }.Count(v => v is not null) != 1)
            {
                errors.Add(item, "Mỗi lời nhắc cần đúng một khóa: 'before', 'on-due', 'overdue-every' hoặc 'digest'.");
            }
            else if (days is { } n && BeforeProblem(n, limit) is { } problem)
            {
                errors.Add(item, problem);
            }
            else if (days is { } valid)
            {
                before.Add(valid);
            }
            onDue |= due == true;
            digest |= summary == true;
            if (every is not null && overdueEvery is not null)
            {
                errors.Add(item, "'overdue-every' chỉ được khai báo một lần.");
            }
            overdueEvery ??= every;
        }
        return new ReminderPolicy(before.Distinct().Order().ToList(), onDue, overdueEvery, null, digest);
    }

    private static string? BeforeProblem(int days, TimeLimit limit) => days switch
    {
        < 0 => $"'before: {days}' nhắc sau thời hạn của chính giai đoạn; để nhắc khi đã quá hạn, dùng 'overdue-every'.",
        0 => "'before: 0' là ngày đến hạn; dùng 'on-due: true'.",
        _ when days >= limit.Amount =>
            $"'before: {days}' rơi vào trước khi giai đoạn bắt đầu: thời hạn chỉ có {limit.Amount} {Unit(limit)}.",
        _ => null,
    };

    private static Escalation? ReadEscalation(YamlNode node, string actor, ErrorSink errors)
    {
        if (node is YamlScalarNode { Value: None })
        {
            return null;
        }
        if (errors.Mapping(node, "escalate") is not { } escalate)
        {
            return null;
        }
        var after = escalate.PositiveInt("after-overdue", required: false) ?? ReminderPolicy.DefaultEscalationAfter;
        var to = escalate.String("to", required: false);
        escalate.RejectUnknownKeys();
        if (to is not null && !Roles.All.Contains(to))
        {
            errors.Add(escalate.Optional("to")!,
                $"Vai trò nhận chuyển cấp '{to}' không tồn tại (dùng: {string.Join(", ", Roles.All)}).");
            return null;
        }
        if (to == actor)
        {
            errors.Add(escalate.Optional("to")!, $"Chuyển cấp phải tới cấp trên, không phải chính '{actor}' đang xử lý giai đoạn.");
            return null;
        }
        to ??= ReminderPolicy.Supervisor(actor);
        if (to is null)
        {
            errors.Add(node, $"'{actor}' không có cấp trên mặc định: ghi rõ 'to' hoặc dùng 'escalate: none'.");
            return null;
        }
        return new Escalation(after, to);
    }

    private static string Unit(TimeLimit limit) => limit.Unit == LimitUnit.WorkingDays ? "ngày làm việc" : "ngày";
}
