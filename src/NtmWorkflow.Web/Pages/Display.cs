using System.Globalization;
using NtmWorkflow.Engine;
using NtmWorkflow.Engine.Calendar;
using NtmWorkflow.Engine.Drafts;
using NtmWorkflow.Web.Features.Criteria;

namespace NtmWorkflow.Web.Pages;

/// <summary>How the pages write dates, numbers and codes: in Vietnam's time, dd/MM/yyyy, in the reader's language.</summary>
public static class Display
{
    public static string Date(DateTime? utc) => utc is { } value ? Date(WorkingCalendar.ToVietnamDate(value)) : "";

    public static string Date(DateOnly? day) => day is { } value ? DayText.Of(value) : "";

    public static string DateTime(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc), WorkingCalendar.VietnamTime)
            .ToString("dd'/'MM'/'yyyy HH:mm", CultureInfo.InvariantCulture);

    public static string Number(decimal value) => value.ToString("#,##0.##", CultureInfo.CurrentCulture);

    /// <summary>Where a notice leads: its dossier, or for a reminder digest (about many dossiers) the task list.</summary>
    public static string NoticeLink(Guid? dossierId) => dossierId is { } id ? $"/Dossiers/{id}" : "/";

    public static string Level(string level) => Levels.VietnameseName(level);

    public static string Role(string role) => Roles.VietnameseName(role);

    /// <summary>The download link of a drafted paper (to-trinh, bao-cao-tham-dinh, quyet-dinh).</summary>
    public static string DraftPaperLink(string paper) => paper switch
    {
        DraftPapers.ToTrinh => "Tải bản thảo tờ trình đề nghị thẩm định",
        DraftPapers.BaoCaoThamDinh => "Tải bản thảo báo cáo kết quả thẩm định",
        DraftPapers.QuyetDinh => "Tải bản thảo quyết định công nhận",
        _ => paper,
    };

    public static string Subject(string subject) => Subjects.VietnameseName(subject) is var name && name.Length > 0
        ? char.ToUpperInvariant(name[0]) + name[1..]
        : name;

    /// <summary>A number with its unit, "6,2 %" (a space before the unit, as Vietnamese writes it).</summary>
    public static string Quantity(decimal value, string? unit) => unit is null ? Number(value) : $"{Number(value)} {unit}";

    /// <summary>A numeric indicator's threshold as a comparison, "≥ 80 %" or "≤ 4 %"; empty for a yes-no indicator, which has none.</summary>
    public static string Threshold(GetCriteria.IndicatorView indicator) => indicator.Threshold is { } value
        ? $"{(indicator.Kind == GetCriteria.AtLeast ? "≥" : "≤")} {Quantity(value, indicator.Unit)}"
        : "";

    /// <summary>The number an &lt;input type="number"&gt; expects: a point for the decimals, whatever the reader's language.</summary>
    public static string InputNumber(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    /// <summary>The ISO date an &lt;input type="date"&gt; expects.</summary>
    public static string InputDate(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}

/// <summary>A deadline as a badge: the date, and "overdue" or the working days left.</summary>
public sealed record DueBadge(DateTime? DueAt, int? WorkingDaysLeft, bool Overdue);
