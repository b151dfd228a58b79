using System.Diagnostics;
using System.Net.Http.Headers;
using MiniExcelLibs;

namespace NtmWorkflow.Benchmarks;

public sealed record ImportResult(int Rows, long Bytes, double CheckSeconds, double ConfirmSeconds, double RecheckSeconds);

/// <summary>
/// Issue 14's import at a province's scale: a generated XLSX of one NTM recognition for each of 5,000 communes is
/// uploaded and checked, then confirmed (checked again and written in one transaction), then uploaded again, when
/// every row is found already held.
/// </summary>
public static class ImportMeasure
{
    public static async Task<ImportResult> RunAsync(BenchHost host, int rows)
    {
        await Seeder.DistrictAsync(host, "bench-import", rows);
        var admin = await Api.SignInAsync(host.BaseAddress, "admin");
        var file = Workbook(rows);

        var started = Stopwatch.GetTimestamp();
        var report = await admin.PostAsync("/api/recognition-imports", Form(file));
        var check = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Require(report, rows, "validRows");

        started = Stopwatch.GetTimestamp();
        var confirmed = await admin.SendAsync(HttpMethod.Post, $"/api/recognition-imports/{report.GetProperty("id").GetString()}/confirm");
        var confirm = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Require(confirmed, rows, "added");

        started = Stopwatch.GetTimestamp();
        var again = await admin.PostAsync("/api/recognition-imports", Form(file));
        var recheck = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Require(again, rows, "alreadyPresent");
        return new ImportResult(rows, file.Length, check, confirm, recheck);
    }

    /// <summary>Rows as a province would send them: 2016–2020, a decision per hundred communes, real Excel dates.</summary>
    private static byte[] Workbook(int rows)
    {
        var sheet = Enumerable.Range(0, rows).Select(i => new Dictionary<string, object?>
        {
            ["Mã đơn vị"] = $"bench-import.xa-{i}",
            ["Tên đơn vị"] = $"Xã đo {i}",
            ["Mức công nhận"] = "ntm",
            ["Năm"] = 2016 + i % 5,
            ["Giai đoạn"] = "2016–2020",
            ["Số quyết định"] = $"{i / 100 + 1}/QĐ-UBND-{2016 + i % 5}",
            ["Ngày ký"] = new DateTime(2016 + i % 5, 12, 20),
            ["Người ký"] = "Chủ tịch UBND tỉnh",
            ["Ngày lễ công bố"] = new DateTime(2017 + i % 5, 1, 15),
            ["Địa điểm lễ công bố"] = $"UBND xã đo {i}",
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(sheet, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private static MultipartFormDataContent Form(byte[] file)
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return new MultipartFormDataContent { { content, "file", "lich-su-cong-nhan.xlsx" } };
    }

    private static void Require(System.Text.Json.JsonElement report, int rows, string count)
    {
        if (report.GetProperty(count).GetInt32() != rows || report.GetProperty("problems").GetArrayLength() != 0)
        {
            throw new InvalidOperationException($"The import's {count} is not {rows}: {report}");
        }
    }
}
