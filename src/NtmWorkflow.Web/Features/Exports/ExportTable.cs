namespace NtmWorkflow.Web.Features.Exports;

/// <summary>How a column's cells are written: text as text, numbers as numbers, dates as dates shown dd/MM/yyyy.</summary>
public enum ExportCell
{
    Text,
    Number,
    Date,
}

public sealed record ExportColumn(string Header, ExportCell Kind = ExportCell.Text);

/// <summary>
/// One table to export. <see cref="Rows"/> is enumerated once, while the file is written, so a query may stream
/// into it; each row holds one value per column (string, a number, <see cref="DateOnly"/> or a date-only
/// <see cref="DateTime"/> already in Vietnam's calendar, or null).
/// </summary>
public sealed record ExportTable
{
    public ExportTable(string sheet, IReadOnlyList<ExportColumn> columns, IEnumerable<object?[]> rows)
    {
        if (columns.Select(c => c.Header).Distinct(StringComparer.Ordinal).Count() != columns.Count)
        {
            throw new ArgumentException("Every column of an export needs its own header.", nameof(columns));
        }
        Sheet = sheet;
        Columns = columns;
        Rows = rows;
    }

    /// <summary>The worksheet's name (XLSX allows at most 31 characters).</summary>
    public string Sheet { get; }

    public IReadOnlyList<ExportColumn> Columns { get; }

    public IEnumerable<object?[]> Rows { get; }
}
