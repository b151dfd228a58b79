using System.Text;
using MiniExcelLibs;
using NtmWorkflow.Web.Features.Exports;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Tests;

/// <summary>The one writer behind every export: typed cells in XLSX, safe text in CSV, an unknown format refused.</summary>
public sealed class TableExportTests
{
    private static readonly ExportColumn[] Columns =
    [
        new("Tên xã"), new("Số tiêu chí đạt", ExportCell.Number), new("Tỷ lệ (%)", ExportCell.Number), new("Ngày quyết định", ExportCell.Date),
    ];

    private static IEnumerable<object?[]> Rows() =>
    [
        ["Xã Phước Hưng", 19, 100.0m, new DateOnly(2024, 3, 5)],
        ["=HYPERLINK(\"http://x\")", 7, 36.84m, null],
    ];

    [Fact]
    public void Xlsx_keeps_text_numbers_and_dates_typed()
    {
        using var file = TableExport.Write(new ExportTable("Báo cáo", Columns, Rows()), ExportFormat.Xlsx, "bao-cao");
        Assert.Equal("bao-cao.xlsx", file.FileName);
        var rows = file.Content.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("Xã Phước Hưng", rows[0]["Tên xã"]);
        Assert.Equal(19d, rows[0]["Số tiêu chí đạt"]);
        Assert.Equal(100d, rows[0]["Tỷ lệ (%)"]);
        Assert.Equal(new DateTime(2024, 3, 5), rows[0]["Ngày quyết định"]);
        Assert.Equal("=HYPERLINK(\"http://x\")", rows[1]["Tên xã"]);
        Assert.Equal(36.84d, rows[1]["Tỷ lệ (%)"]);
        Assert.Null(rows[1]["Ngày quyết định"]);
    }

    [Fact]
    public void Csv_is_utf8_with_dates_day_first_and_formulas_neutralised()
    {
        using var file = TableExport.Write(new ExportTable("Báo cáo", Columns, Rows()), ExportFormat.Csv, "bao-cao");
        Assert.Equal("bao-cao.csv", file.FileName);
        using var memory = new MemoryStream();
        file.Content.CopyTo(memory);
        var bytes = memory.ToArray();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var rows = new MemoryStream(bytes).Query(useHeaderRow: true, excelType: ExcelType.CSV).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["Tên xã", "Số tiêu chí đạt", "Tỷ lệ (%)", "Ngày quyết định"], rows[0].Keys);
        Assert.Equal(["Xã Phước Hưng", "19", "100.0", "05/03/2024"], rows[0].Values);
        Assert.Equal(["'=HYPERLINK(\"http://x\")", "7", "36.84", ""], rows[1].Values.Select(v => v ?? ""));
    }

    [Theory]
    [InlineData("pdf")]
    [InlineData("")]
    [InlineData("xlsx;csv")]
    public void An_unknown_format_is_a_400_on_the_format_field(string format)
    {
        var problem = Assert.Throws<ProblemException>(() => ExportFormats.Parse(format));
        Assert.Equal(400, problem.Status);
        Assert.Equal("format", problem.Field);
    }
}
