using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace NtmWorkflow.Engine.Calendar;

/// <summary>Reads the per-year holiday files of <c>workflows/calendars</c>.</summary>
public static class CalendarLoader
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(HyphenatedNamingConvention.Instance)
        .Build();

    public static WorkingCalendar LoadFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new CalendarException($"Không tìm thấy thư mục lịch làm việc '{folder}'.");
        }
        var years = Directory.EnumerateFiles(folder, "*.yaml")
            .Select(file => Parse(File.ReadAllText(file), Path.GetFileName(file)))
            .ToList();
        var duplicate = years.GroupBy(y => y.Year).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new CalendarException($"Năm {duplicate.Key} được khai báo trong nhiều tệp lịch.");
        }
        return new WorkingCalendar(years);
    }

    public static CalendarYear Parse(string content, string source)
    {
        YearFile file;
        try
        {
            file = Yaml.Deserialize<YearFile>(content) ?? throw new CalendarException($"{source}: tệp lịch rỗng.");
        }
        catch (YamlException e)
        {
            throw new CalendarException($"{source}:{e.Start.Line}:{e.Start.Column}: {e.Message}");
        }
        if (file.Year is < 2000 or > 2100)
        {
            throw new CalendarException($"{source}: 'year' phải là một năm hợp lệ.");
        }
        if (file.Status is not ("official" or "provisional"))
        {
            throw new CalendarException($"{source}: 'status' phải là 'official' hoặc 'provisional'.");
        }
        var daysOff = new Dictionary<DateOnly, string>();
        var provisionalDays = new Dictionary<DateOnly, string>();
        foreach (var range in file.DaysOff)
        {
            var from = Date(range.From, source, file.Year);
            var to = Date(range.To ?? range.From, source, file.Year);
            if (to < from)
            {
                throw new CalendarException($"{source}: khoảng nghỉ '{range.Name}' kết thúc trước khi bắt đầu.");
            }
            if (range.Provisional && string.IsNullOrWhiteSpace(range.Basis))
            {
                throw new CalendarException($"{source}: ngày nghỉ tạm tính '{range.Name}' cần căn cứ ('basis').");
            }
            for (var day = from; day <= to; day = day.AddDays(1))
            {
                daysOff[day] = range.Name;
                if (range.Provisional)
                {
                    provisionalDays[day] = range.Basis!;
                }
            }
        }
        var working = new Dictionary<DateOnly, string>();
        foreach (var day in file.WorkingWeekends)
        {
            var date = Date(day.Date, source, file.Year);
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                throw new CalendarException($"{source}: ngày làm bù {DayText.Of(date)} không phải thứ Bảy hay Chủ nhật.");
            }
            working[date] = day.Name;
        }
        return new CalendarYear(file.Year, file.Status == "provisional", file.Source, daysOff, working, provisionalDays);
    }

    private static DateOnly Date(string? text, string source, int year)
    {
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new CalendarException($"{source}: '{text}' không phải ngày dạng yyyy-MM-dd.");
        }
        if (date.Year != year)
        {
            throw new CalendarException($"{source}: ngày {DayText.Of(date)} không thuộc năm {year}.");
        }
        return date;
    }

    private sealed class YearFile
    {
        public int Year { get; set; }
        public string Status { get; set; } = "";
        public string Source { get; set; } = "";
        public List<DayOffRange> DaysOff { get; set; } = [];
        public List<WorkingWeekend> WorkingWeekends { get; set; } = [];
    }

    private sealed class DayOffRange
    {
        public string? From { get; set; }
        public string? To { get; set; }
        public string Name { get; set; } = "";
        public bool Provisional { get; set; }
        public string? Basis { get; set; }
    }

    private sealed class WorkingWeekend
    {
        public string? Date { get; set; }
        public string Name { get; set; } = "";
    }
}

public sealed class CalendarException(string message) : Exception(message);
