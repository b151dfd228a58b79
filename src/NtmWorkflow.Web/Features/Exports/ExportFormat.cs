using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Exports;

/// <summary>The two file formats every table of the system can be exported as.</summary>
public enum ExportFormat
{
    Xlsx,
    Csv,
}

public static class ExportFormats
{
    /// <summary>Reads the <c>format</c> parameter of an export request (xlsx by default); anything else is a 400.</summary>
    public static ExportFormat Parse(string? format) => (format ?? "xlsx").Trim().ToLowerInvariant() switch
    {
        "xlsx" => ExportFormat.Xlsx,
        "csv" => ExportFormat.Csv,
        _ => throw ProblemException.BadRequest("format", "Định dạng xuất là 'xlsx' hoặc 'csv'."),
    };
}
