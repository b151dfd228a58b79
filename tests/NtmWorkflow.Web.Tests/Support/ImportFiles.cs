using System.Net.Http.Headers;
using System.Text;
using MiniExcelLibs;

namespace NtmWorkflow.Web.Tests.Support;

/// <summary>Import spreadsheets for tests: a header and rows, as CSV text or as an XLSX workbook, and their upload.</summary>
public static class ImportFiles
{
    public static readonly string[] Header =
    [
        "Mã đơn vị", "Tên đơn vị", "Mức công nhận", "Năm", "Giai đoạn", "Số quyết định", "Ngày ký", "Người ký", "Ngày lễ công bố",
        "Địa điểm lễ công bố", "Số quyết định thu hồi", "Ngày thu hồi", "Người ký thu hồi",
    ];

    /// <summary>A row of the header's columns, empty cells for the ones not given.</summary>
    public static string?[] Row(string? unit, string? level = "ntm", string? year = "2019", string? number = "100/QĐ-UBND",
        string? date = "20/12/2019", string? signer = "Chủ tịch UBND tỉnh", string? name = null, string? period = null,
        string? ceremonyDate = null, string? ceremonyPlace = null, string? revocationNumber = null, string? revocationDate = null,
        string? revocationSigner = null) =>
        [unit, name, level, year, period, number, date, signer, ceremonyDate, ceremonyPlace, revocationNumber, revocationDate, revocationSigner];

    public static byte[] Csv(IEnumerable<string?[]> rows, string[]? header = null, char separator = ',') =>
        Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(string.Join("\r\n",
            new[] { header ?? Header }.Concat(rows).Select(r => string.Join(separator, r.Select(Quote)))) + "\r\n")).ToArray();

    private static string Quote(string? cell) =>
        cell is null ? "" : cell.IndexOfAny([',', ';', '"', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;

    /// <summary>An XLSX of the rows; a cell may be any value the library writes (a DateTime becomes a real Excel date).</summary>
    public static byte[] Xlsx(IEnumerable<object?[]> rows, string[]? header = null)
    {
        var columns = header ?? Header;
        var sheet = rows.Select(r => columns.Select((c, i) => (c, v: i < r.Length ? r[i] : null)).ToDictionary(x => x.c, x => x.v)).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(sheet, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    public static Task<HttpResponseMessage> Upload(this HttpClient client, byte[] content, string fileName = "cong-nhan.csv")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return client.PostAsync("/api/recognition-imports", form);
    }
}
