using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace NtmWorkflow.Web.Features.Reports;

/// <summary>The list behind a figure: the page an official opens and the API a program reads.</summary>
public sealed record ReportLink(string Page, string Api);

/// <summary>The addresses behind the figures, so each one opens the communes or dossiers it counts.</summary>
public static class ReportLinks
{
    public const string CommunesPage = "/Reports/Communes";
    public const string Api = "/api/reports/programme";

    /// <summary>The communes of the scope and year that a filter (level=…, band=…, criterion=…&amp;met=false…) selects.</summary>
    public static ReportLink Communes(ReportScope scope, params (string Key, string Value)[] filter)
    {
        var query = Query(scope, filter);
        return new ReportLink(CommunesPage + query, $"{Api}/communes{query}");
    }

    /// <summary>The dossiers of the scope for a level and the year, on the dossier list with its filters.</summary>
    public static string Dossiers(ReportScope scope, string level, string? status = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["unitCode"] = scope.Unit.Code,
            ["year"] = scope.Year.ToString(CultureInfo.InvariantCulture),
            ["level"] = level,
        };
        if (status is not null)
        {
            query["status"] = status;
        }
        return QueryHelpers.AddQueryString("/Dossiers", query);
    }

    /// <summary>The same path without "/api", behind the pages' sign-in cookie, for the report pages' download links.</summary>
    public const string PageExports = "/reports/programme";

    /// <summary>A table of the report as a file.</summary>
    public static ReportLink Export(ReportScope scope, string table, string format, params (string Key, string Value)[] filter)
    {
        var query = Query(scope, [.. filter, ("format", format)]);
        return new ReportLink($"{PageExports}/{table}{query}", $"{Api}/{table}{query}");
    }

    private static string Query(ReportScope scope, IEnumerable<(string Key, string Value)> filter) =>
        QueryHelpers.AddQueryString("", new[]
        {
            KeyValuePair.Create("scope", (string?)scope.Unit.Code),
            KeyValuePair.Create("year", (string?)scope.Year.ToString(CultureInfo.InvariantCulture)),
        }.Concat(filter.Select(f => KeyValuePair.Create(f.Key, (string?)f.Value))));
}
