using System.Globalization;
using System.IO.Compression;
using System.Text;
using MiniExcelLibs;
using MiniExcelLibs.Csv;
using NtmWorkflow.Web.Infrastructure;
using NtmWorkflow.Web.Storage;

namespace NtmWorkflow.Web.Features.Imports;

/// <summary>
/// Reads an import file into rows of text: XLSX (first sheet) or UTF-8 CSV, told apart by content, not by name.
/// Whole-file faults are refusals (415 not a spreadsheet, 400 header or size of the sheet); what a row says is left
/// to the check, which reports it at its row and column.
/// </summary>
public static class RecognitionSheet
{
    public const int MaxRows = 10_000;

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>What the parts of an XLSX may expand to: far above 10,000 rows of text, far below what would exhaust memory.</summary>
    private const long MaxUnpackedBytes = 200L * 1024 * 1024;

    public static IReadOnlyList<ImportRow> Read(string path, string fileName)
    {
        var isXlsx = ContentTypes.Sniff(path, fileName) switch
        {
            ContentTypes.Xlsx => true,
            // A zip that is no Office document, or one too broken to tell: read as a workbook, it is refused as one.
            null when StartsWithZipMagic(path) => true,
            null when IsUtf8Text(path) => false,
            ContentTypes.Xls => throw Unsupported("Tệp Excel 97–2003 (.xls) không được hỗ trợ: hãy lưu lại dạng .xlsx hoặc CSV UTF-8."),
            _ => throw Unsupported("Nội dung tệp không phải bảng tính XLSX hay CSV UTF-8 (hệ thống kiểm tra nội dung, không dựa vào tên tệp)."),
        };
        if (isXlsx)
        {
            EnsureUnpackedSizeReasonable(path);
        }
        try
        {
            using var stream = File.OpenRead(path);
            var cells = isXlsx
                ? stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX)
                : stream.Query(useHeaderRow: false, excelType: ExcelType.CSV, configuration: CsvOf(path));
            return Rows(cells.Cast<IDictionary<string, object?>>());
        }
        catch (Exception e) when (e is not ProblemException and not OperationCanceledException)
        {
            // The reader throws what the broken part gives it (zip, XML, format errors of several types): all of
            // them mean the same to the sender, a file that is not a readable workbook.
            throw Unsupported(isXlsx
                ? "Không đọc được tệp XLSX: tệp hỏng hoặc không phải bảng tính Excel (hãy mở bằng Excel và lưu lại)."
                : "Không đọc được tệp CSV: sai định dạng (hãy lưu lại dạng CSV UTF-8).");
        }
    }

    private static List<ImportRow> Rows(IEnumerable<IDictionary<string, object?>> sheet)
    {
        using var rows = sheet.GetEnumerator();
        if (!rows.MoveNext())
        {
            throw ProblemException.BadRequest("file", "Bảng tính trống: cần dòng tiêu đề và ít nhất một dòng dữ liệu (xem tệp mẫu).");
        }
        var columns = Header(rows.Current);
        var read = new List<ImportRow>();
        // In an XLSX the reader yields every row, blank ones too, so the count is the sheet's row number; a CSV's
        // blank lines are skipped by its reader (docs/recognition-import.md says so).
        for (var number = 2; rows.MoveNext(); number++)
        {
            var cells = new Dictionary<string, string>();
            foreach (var (letter, value) in rows.Current)
            {
                var text = Text(value);
                if (text.Length == 0)
                {
                    continue;
                }
                cells[columns.GetValueOrDefault(letter)?.Key
                    ?? throw ProblemException.BadRequest("file", $"Cột {letter} có dữ liệu (dòng {number}) nhưng không có tiêu đề.")] = text;
            }
            if (cells.Count == 0)
            {
                continue;
            }
            if (read.Count == MaxRows)
            {
                throw ProblemException.BadRequest("file", $"Tệp có hơn {MaxRows.ToString("N0", Vietnamese)} dòng dữ liệu: hãy chia thành nhiều tệp.");
            }
            read.Add(new ImportRow(number, cells));
        }
        return read.Count > 0
            ? read
            : throw ProblemException.BadRequest("file", "Bảng tính chỉ có dòng tiêu đề, không có dòng dữ liệu nào.");
    }

    /// <summary>Column letter → column, from the first row; an unknown or missing header is a 400 naming it.</summary>
    private static Dictionary<string, ImportColumn> Header(IDictionary<string, object?> first)
    {
        var columns = new Dictionary<string, ImportColumn>();
        foreach (var (letter, value) in first)
        {
            var header = Text(value);
            if (header.Length == 0)
            {
                continue;
            }
            var column = ImportColumns.ByHeader(header)
                ?? throw ProblemException.BadRequest("file",
                    $"Tiêu đề cột '{header}' (cột {letter}) không có trong mẫu; các cột: {string.Join(", ", ImportColumns.All.Select(c => c.Header))}.");
            if (columns.ContainsValue(column))
            {
                throw ProblemException.BadRequest("file", $"Cột '{column.Header}' xuất hiện hai lần ở dòng tiêu đề.");
            }
            columns[letter] = column;
        }
        if (ImportColumns.All.Where(c => c.Required && !columns.ContainsValue(c)).Select(c => c.Header).ToList() is { Count: > 0 } missing)
        {
            throw ProblemException.BadRequest("file", $"Thiếu cột bắt buộc: {string.Join(", ", missing)} (dòng 1 phải là dòng tiêu đề của mẫu).");
        }
        return columns;
    }

    /// <summary>A cell as text: a real Excel date as dd/MM/yyyy, a number in the invariant culture (2019, not 2.019).</summary>
    private static string Text(object? value) => value switch
    {
        null => "",
        DateTime date => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        double number => number.ToString(CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture).Trim(),
        _ => value.ToString()?.Trim() ?? "",
    };

    /// <summary>
    /// A CSV's separator is the one its header line uses: Excel in a Vietnamese locale saves "CSV" with semicolons.
    /// </summary>
    private static CsvConfiguration CsvOf(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        var header = reader.ReadLine() ?? "";
        var separator = header.Count(c => c == ';') > header.Count(c => c == ',') ? ';' : ',';
        return new CsvConfiguration { Seperator = separator, StreamReaderFunc = stream => new StreamReader(stream, Encoding.UTF8) };
    }

    private static bool StartsWithZipMagic(string path)
    {
        Span<byte> start = stackalloc byte[4];
        using var file = File.OpenRead(path);
        return file.ReadAtLeast(start, 4, throwOnEndOfStream: false) == 4 && start.SequenceEqual("PK\u0003\u0004"u8);
    }

    /// <summary>Text that is valid UTF-8 (a BOM allowed) and holds no NUL: what a CSV saved as UTF-8 is, and a binary file is not.</summary>
    private static bool IsUtf8Text(string path)
    {
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        try
        {
            using var reader = new StreamReader(path, strict, detectEncodingFromByteOrderMarks: false);
            var buffer = new char[64 * 1024];
            int read;
            while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (buffer.AsSpan(0, read).Contains('\0'))
                {
                    return false;
                }
            }
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>A few megabytes of XLSX can unpack to gigabytes; its entries declare their sizes, read before any of them.</summary>
    private static void EnsureUnpackedSizeReasonable(string path)
    {
        long unpacked;
        try
        {
            using var zip = ZipFile.OpenRead(path);
            unpacked = zip.Entries.Sum(e => e.Length);
        }
        catch (InvalidDataException)
        {
            throw Unsupported("Không đọc được tệp XLSX: tệp hỏng hoặc không phải bảng tính Excel (hãy mở bằng Excel và lưu lại).");
        }
        if (unpacked > MaxUnpackedBytes)
        {
            throw new ProblemException(StatusCodes.Status413PayloadTooLarge,
                $"Tệp XLSX giải nén ra hơn {MaxUnpackedBytes / (1024 * 1024)} MB: quá lớn cho một lần nhập.", "file");
        }
    }

    private static ProblemException Unsupported(string detail) =>
        new(StatusCodes.Status415UnsupportedMediaType, detail, "file");
}
