namespace NtmWorkflow.Engine.Calendar;

/// <summary>
/// One year's official (or provisional, not yet announced) days off and make-up working weekends.
/// <see cref="ProvisionalDays"/> are days off in an official year whose legal basis is still pending (24/11, Ngày Văn hóa
/// Việt Nam, until the Labour Code is amended), each with that basis: counted as days off, flagged on deadlines.
/// </summary>
public sealed record CalendarYear(
    int Year,
    bool Provisional,
    string Source,
    IReadOnlyDictionary<DateOnly, string> DaysOff,
    IReadOnlyDictionary<DateOnly, string> WorkingWeekends,
    IReadOnlyDictionary<DateOnly, string> ProvisionalDays);
