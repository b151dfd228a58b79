using System.Globalization;

namespace NtmWorkflow.Engine.Calendar;

/// <summary>Dates as Vietnamese officials write them (dd/MM/yyyy), whatever culture the server runs under.</summary>
public static class DayText
{
    public static string Of(DateOnly day) => day.ToString("dd'/'MM'/'yyyy", CultureInfo.InvariantCulture);
}
