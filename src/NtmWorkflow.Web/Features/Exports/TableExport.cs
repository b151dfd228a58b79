using System.Globalization;
using System.Text;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.Csv;
using MiniExcelLibs.OpenXml;
using NtmWorkflow.Web.Storage;

namespace NtmWorkflow.Web.Features.Exports;

/// <summary>
/// Writes an <see cref="ExportTable"/> as XLSX or CSV. The file goes to a temporary file that deletes itself when the
/// answer has been sent: rows stream from the query to disk, so memory stays flat however long the table, and a
/// failure while writing still answers with a ProblemDetails instead of a truncated download.
/// </summary>
public static class TableExport
{
    private const string DateFormat = "dd/MM/yyyy";

    public static ExportFile Write(ExportTable table, ExportFormat format, string fileStem)
    {
        var file = new FileStream(Path.Combine(Path.GetTempPath(), $"ntm-export-{Guid.NewGuid():N}.tmp"), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        try
        {
            if (format == ExportFormat.Xlsx)
            {
                file.SaveAs(Records(table, XlsxValue), sheetName: table.Sheet, excelType: ExcelType.XLSX, configuration: XlsxConfiguration(table));
            }
            else
            {
                file.SaveAs(Records(table, CsvValue), excelType: ExcelType.CSV, configuration: CsvConfiguration);
            }
            file.Position = 0;
            return format == ExportFormat.Xlsx
                ? new ExportFile(file, ContentTypes.Xlsx, fileStem + ".xlsx")
                : new ExportFile(file, "text/csv; charset=utf-8", fileStem + ".csv");
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private static IEnumerable<IDictionary<string, object?>> Records(ExportTable table, Func<ExportCell, object?, object?> convert)
    {
        foreach (var row in table.Rows)
        {
            var record = new Dictionary<string, object?>(table.Columns.Count, StringComparer.Ordinal);
            for (var i = 0; i < table.Columns.Count; i++)
            {
                record[table.Columns[i].Header] = convert(table.Columns[i].Kind, i < row.Length ? row[i] : null);
            }
            yield return record;
        }
    }

    private static object? XlsxValue(ExportCell kind, object? value) => value switch
    {
        DateOnly date => date.ToDateTime(TimeOnly.MinValue),
        string text when kind == ExportCell.Text => text,
        _ => value,
    };

    /// <summary>
    /// CSV has no cell types: dates become dd/MM/yyyy, numbers are written invariantly, and text that a spreadsheet
    /// would read as a formula (=, +, -, @, tab, carriage return first) is prefixed with an apostrophe, so an exported
    /// name such as "=HYPERLINK(…)" stays text when an official opens the file.
    /// </summary>
    private static object? CsvValue(ExportCell kind, object? value) => value switch
    {
        null => null,
        DateOnly date => date.ToString(DateFormat, CultureInfo.InvariantCulture),
        DateTime date => date.ToString(DateFormat, CultureInfo.InvariantCulture),
        string text => NeutraliseFormula(text),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => NeutraliseFormula(value.ToString() ?? ""),
    };

    private static string NeutraliseFormula(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private static OpenXmlConfiguration XlsxConfiguration(ExportTable table) => new()
    {
        DynamicColumns = table.Columns.Where(c => c.Kind == ExportCell.Date)
            .Select(c => new DynamicExcelColumn(c.Header) { Format = DateFormat, Width = 12 })
            .ToArray(),
    };

    private static readonly CsvConfiguration CsvConfiguration = new()
    {
        // A byte order mark, so that Excel opens the Vietnamese headers and names as UTF-8.
        StreamWriterFunc = stream => new StreamWriter(stream, new UTF8Encoding(true), 64 * 1024, leaveOpen: true),
    };
}

/// <summary>A written export, ready to send; the stream deletes its temporary file when disposed.</summary>
public sealed record ExportFile(Stream Content, string ContentType, string FileName) : IDisposable
{
    /// <summary>The answer that sends the file; it disposes the stream (and so the temporary file) once sent.</summary>
    public IResult ToResult() => TypedResults.File(Content, ContentType, FileName);

    public void Dispose() => Content.Dispose();
}
