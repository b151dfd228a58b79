using System.IO.Compression;

namespace NtmWorkflow.Web.Storage;

/// <summary>
/// What a file really is, told from its leading bytes (and, for Office Open XML, its zip entries), never from its
/// name: an .exe renamed .pdf stays an .exe. Covers what officials send: PDF, Word, Excel (both the 2007+ and the
/// older binary formats), JPEG, PNG and TIFF scans.
/// </summary>
public static class ContentTypes
{
    public const string Pdf = "application/pdf";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Doc = "application/msword";
    public const string Xls = "application/vnd.ms-excel";
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string Tiff = "image/tiff";

    /// <summary>How many leading bytes <see cref="Sniff"/> needs.</summary>
    public const int HeaderLength = 8;

    private static readonly (byte[] Magic, string Type)[] Signatures =
    [
        ("%PDF-"u8.ToArray(), Pdf),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], Png),
        ([0xFF, 0xD8, 0xFF], Jpeg),
        ([0x49, 0x49, 0x2A, 0x00], Tiff),
        ([0x4D, 0x4D, 0x00, 0x2A], Tiff),
    ];

    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] OleMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>
    /// The type of a stored file, or null when it is none of the accepted kinds. <paramref name="fileName"/> only
    /// chooses between Word and Excel for the old binary (OLE) format, whose header is the same for both.
    /// </summary>
    public static string? Sniff(string path, string fileName)
    {
        var header = new byte[HeaderLength];
        int read;
        using (var file = File.OpenRead(path))
        {
            read = file.ReadAtLeast(header, HeaderLength, throwOnEndOfStream: false);
        }
        var start = header.AsSpan(0, read).ToArray();
        if (Signatures.FirstOrDefault(s => start.AsSpan().StartsWith(s.Magic)) is { Type: { } known })
        {
            return known;
        }
        if (start.AsSpan().StartsWith(OleMagic))
        {
            return OleType(fileName);
        }
        return start.AsSpan().StartsWith(ZipMagic) ? OfficeOpenXmlType(path) : null;
    }

    public static string Extension(string contentType) => contentType switch
    {
        Pdf => ".pdf",
        Docx => ".docx",
        Xlsx => ".xlsx",
        Doc => ".doc",
        Xls => ".xls",
        Jpeg => ".jpg",
        Png => ".png",
        _ => ".tif",
    };

    /// <summary>Every extension a file of this type may carry.</summary>
    public static IReadOnlyList<string> Extensions(string contentType) => contentType switch
    {
        Jpeg => [".jpg", ".jpeg"],
        Tiff => [".tif", ".tiff"],
        _ => [Extension(contentType)],
    };

    private static string? OleType(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".xls" => Xls,
        ".doc" => Doc,
        _ => null,
    };

    /// <summary>A zip is Word or Excel only if it carries their main part; any other zip is refused.</summary>
    private static string? OfficeOpenXmlType(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            if (!names.Contains("[Content_Types].xml"))
            {
                return null;
            }
            return names.Contains("word/document.xml") ? Docx : names.Contains("xl/workbook.xml") ? Xlsx : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
