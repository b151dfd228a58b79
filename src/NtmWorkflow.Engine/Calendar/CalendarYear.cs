namespace NtmWorkflow.Engine.Calendar;

/// <summary>One year's official (or provisional, not yet announced) days off and make-up working weekends.</summary>
public sealed record CalendarYear(
    int Year,
    bool Provisional,
    string Source,
    IReadOnlyDictionary<DateOnly, string> DaysOff,
    IReadOnlyDictionary<DateOnly, string> WorkingWeekends);
