using System.Text.Json;
using NtmWorkflow.Web.Domain;

namespace NtmWorkflow.Web.Features.Imports;

/// <summary>A data row of the file: its row number as the spreadsheet shows it (header = 1) and its cells' text by column key.</summary>
public sealed record ImportRow(int Row, IReadOnlyDictionary<string, string> Cells)
{
    /// <summary>The cell's text, trimmed; null when empty or the file has no such column.</summary>
    public string? this[ImportColumn column] => Cells.GetValueOrDefault(column.Key) is { Length: > 0 } text ? text : null;
}

/// <summary>A reason a row cannot be imported, at the cell that shows it.</summary>
public sealed record ImportProblem(int Row, string Column, string Message);

/// <summary>What a check found, as an import keeps it: rows without problems (of them, how many are held already) and every problem.</summary>
public sealed record ImportFindings(int ValidRows, int AlreadyPresent, IReadOnlyList<ImportProblem> Problems);

/// <summary>An import and what its last check found: the answer of every import endpoint.</summary>
public sealed record ImportReport(
    Guid Id, string FileName, string Sha256, string Status, DateTime UploadedAt, DateTime? ConfirmedAt, int Rows, int ValidRows,
    int AlreadyPresent, int? Added, IReadOnlyList<ImportProblem> Problems)
{
    public bool Clean => Problems.Count == 0;

    public static ImportReport Of(RecognitionImport import)
    {
        var findings = JsonSerializer.Deserialize<ImportFindings>(import.Report, Json)!;
        return new ImportReport(import.Id, import.FileName, import.Sha256, import.Status, import.UploadedAt, import.ConfirmedAt,
            import.RowCount, findings.ValidRows, findings.AlreadyPresent, import.Added, findings.Problems);
    }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
