using NtmWorkflow.Engine;
using NtmWorkflow.Engine.Calendar;
using NtmWorkflow.Engine.Definitions;
using NtmWorkflow.Engine.Reminders;
using NtmWorkflow.Web.Domain;

namespace NtmWorkflow.Web.Notifications;

/// <summary>What each notice says, in Vietnamese, about a dossier of a named unit.</summary>
internal static class NotificationText
{
    /// <summary>The dossier arrived at a stage (assigned to its actor) or at an end (its outcome, to the unit).</summary>
    public static Notice ForMove(Dossier dossier, WorkflowDefinition definition, string unitName, string actionTitle, DateTime now)
    {
        var day = WorkingCalendar.ToVietnamDate(now);
        var subject = Subject(dossier, unitName);
        if (!definition.Stages.TryGetValue(dossier.Stage, out var stage))
        {
            return new Notice(dossier.Id, dossier.StageRound, dossier.Stage, NotificationKinds.Outcome, day,
                $"{subject}: {definition.TitleOf(dossier.Stage)}",
                $"{subject} đã kết thúc: {definition.TitleOf(dossier.Stage)} (thao tác '{actionTitle}' ngày {DayText.Of(day)}).");
        }
        var due = dossier.DueAt is { } at ? $" Hạn xử lý: hết ngày {DayText.Of(WorkingCalendar.ToVietnamDate(at))}." : "";
        return new Notice(dossier.Id, dossier.StageRound, dossier.Stage, NotificationKinds.Assigned, day,
            $"{subject} chờ {Roles.VietnameseName(stage.Actor)}: {stage.Title}",
            $"{subject} đã chuyển tới giai đoạn '{stage.Title}' sau thao tác '{actionTitle}'.{due}");
    }

    public static Notice ForReminder(
        Dossier dossier, StageDefinition stage, string unitName, ReminderOccurrence reminder, DateOnly lastDay, WorkingCalendar calendar)
    {
        var subject = Subject(dossier, unitName);
        var deadline = $"hết ngày {DayText.Of(lastDay)}";
        var (kind, title, body) = reminder.Kind switch
        {
            ReminderKind.Before => (NotificationKinds.Reminder,
                $"Còn {calendar.WorkingDaysBetween(reminder.Day, lastDay)} ngày làm việc: {subject}",
                $"{subject} đang ở giai đoạn '{stage.Title}', hạn xử lý {deadline}."),
            ReminderKind.Due => (NotificationKinds.Due,
                $"Đến hạn hôm nay: {subject}",
                $"{subject} đang ở giai đoạn '{stage.Title}', hạn xử lý {deadline}."),
            ReminderKind.Overdue => (NotificationKinds.Overdue,
                $"Quá hạn {calendar.WorkingDaysBetween(lastDay, reminder.Day)} ngày làm việc: {subject}",
                $"{subject} ở giai đoạn '{stage.Title}' đã quá hạn xử lý ({deadline})."),
            _ => (NotificationKinds.Escalation,
                $"Chuyển cấp – quá hạn {calendar.WorkingDaysBetween(lastDay, reminder.Day)} ngày làm việc: {subject}",
                $"{subject} ở giai đoạn '{stage.Title}' do {Roles.VietnameseName(stage.Actor)} xử lý đã quá hạn ({deadline}); " +
                "đề nghị đôn đốc."),
        };
        return new Notice(dossier.Id, dossier.StageRound, dossier.Stage, kind, reminder.Day, title, body);
    }

    /// <summary>
    /// A reminder digest's text, made from its counts when it is read: the counts grow batch by batch as the sweep
    /// goes, so no text written with the first batch would stay true.
    /// </summary>
    public static (string Title, string Body) ForDigest(DateOnly day, ReminderCounts counts)
    {
        var parts = new[]
            {
                (counts.Overdue, "quá hạn"), (counts.Due, "đến hạn hôm nay"), (counts.Before, "sắp đến hạn"),
                (counts.Escalated, "ở cấp dưới quá hạn, chuyển cấp tới bạn để đôn đốc"),
            }
            .Where(part => part.Item1 > 0)
            .Select(part => $"{part.Item1} hồ sơ {part.Item2}");
        return ($"{DigestSubject(day)}: {counts.Total} hồ sơ",
            $"{string.Join("; ", parts)}. Danh sách ở trang Việc của tôi.");
    }

    /// <summary>A digest's title without its counts, as stored and as the subject of its e-mail.</summary>
    public static string DigestSubject(DateOnly day) => $"Nhắc hạn ngày {DayText.Of(day)}";

    /// <summary>What a stored notice says: its own text, or a digest's text made from its counts.</summary>
    public static (string Title, string Body) Of(Notification notice) =>
        notice.DossierId is null
            ? ForDigest(notice.Day, new ReminderCounts(notice.DigestBefore, notice.DigestDue, notice.DigestOverdue, notice.DigestEscalated))
            : (notice.Title, notice.Body);

    private static string Subject(Dossier dossier, string unitName) =>
        $"Hồ sơ {unitName} ({Levels.VietnameseName(dossier.Level)}, năm {dossier.Year})";
}
