namespace NtmWorkflow.Web.Domain;

/// <summary>
/// A spreadsheet of earlier recognitions, uploaded and checked but written to the register only when an official
/// confirms it. The rows are kept as the file gave them (text per column), so the confirmation checks exactly what
/// was reported, against the data as it is then.
/// </summary>
public sealed class RecognitionImport
{
    private RecognitionImport()
    {
    }

    public RecognitionImport(string fileName, string sha256, Actor actor, DateTime at, string rows, int rowCount)
    {
        Id = Guid.CreateVersion7();
        FileName = fileName;
        Sha256 = sha256;
        ScopeUnitCode = actor.UnitCode;
        ScopePath = actor.UnitPath;
        UploadedBy = actor.UserName;
        UploadedAt = at;
        Status = RecognitionImportStatuses.Checked;
        Rows = rows;
        RowCount = rowCount;
    }

    public Guid Id { get; private set; }

    public string FileName { get; private set; } = "";

    /// <summary>The SHA-256 of the file's bytes, hex: what tells the same file uploaded twice.</summary>
    public string Sha256 { get; private set; } = "";

    /// <summary>The unit of the official who uploaded it: only units under it may be imported, and only officials who see it see the import.</summary>
    public string ScopeUnitCode { get; private set; } = "";

    public string ScopePath { get; private set; } = "";

    public string UploadedBy { get; private set; } = "";

    public DateTime UploadedAt { get; private set; }

    /// <summary>One of <see cref="RecognitionImportStatuses"/>.</summary>
    public string Status { get; private set; } = "";

    public int RowCount { get; private set; }

    /// <summary>The data rows as JSON (see ImportRow): each with its spreadsheet row number and its cells' text.</summary>
    public string Rows { get; private set; } = "";

    /// <summary>The report of the last check, as JSON (see ImportReport), shown until the import is confirmed.</summary>
    public string Report { get; private set; } = "";

    public string? ConfirmedBy { get; private set; }

    public DateTime? ConfirmedAt { get; private set; }

    /// <summary>How many recognitions the confirmation added (rows already held add none).</summary>
    public int? Added { get; private set; }

    public void Checked(string report) => Report = report;

    public void Confirm(string report, int added, Actor actor, DateTime at)
    {
        (Report, Added, ConfirmedBy, ConfirmedAt) = (report, added, actor.UserName, at);
        Status = RecognitionImportStatuses.Imported;
    }
}

public static class RecognitionImportStatuses
{
    /// <summary>Checked on upload, not confirmed: nothing of it is in the register.</summary>
    public const string Checked = "checked";

    /// <summary>Confirmed: its rows are in the register (or were already).</summary>
    public const string Imported = "imported";
}
