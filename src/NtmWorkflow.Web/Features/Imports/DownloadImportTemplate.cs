using System.Data;
using System.Text;
using MediatR;
using MiniExcelLibs;
using NtmWorkflow.Web.Infrastructure;
using NtmWorkflow.Web.Storage;

namespace NtmWorkflow.Web.Features.Imports;

/// <summary>
/// The empty import file: XLSX with the header row on its first sheet and a sheet explaining each column, or CSV
/// (UTF-8 with a byte order mark, so Excel shows the Vietnamese headers right).
/// </summary>
public static class DownloadImportTemplate
{
    public sealed record Query(string? Format) : IRequest<TemplateFile>, IAuthenticatedRequest;

    public sealed record TemplateFile(byte[] Content, string ContentType, string FileName);

    public const string Csv = "text/csv";

    internal sealed class Handler(ICurrentActor actors) : IRequestHandler<Query, TemplateFile>
    {
        public async Task<TemplateFile> Handle(Query query, CancellationToken cancellationToken)
        {
            ImportOfficials.Require(await actors.RequireAsync(cancellationToken));
            return (query.Format ?? "xlsx").ToLowerInvariant() switch
            {
                "xlsx" => new TemplateFile(Xlsx(), ContentTypes.Xlsx, "mau-nhap-cong-nhan.xlsx"),
                "csv" => new TemplateFile(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(
                    string.Join(',', ImportColumns.All.Select(c => c.Header)) + "\r\n")).ToArray(), Csv + "; charset=utf-8", "mau-nhap-cong-nhan.csv"),
                _ => throw ProblemException.BadRequest("format", "Định dạng mẫu là 'xlsx' hoặc 'csv'."),
            };
        }

        private static byte[] Xlsx()
        {
            var sheet = new DataTable();
            foreach (var column in ImportColumns.All)
            {
                sheet.Columns.Add(column.Header, typeof(string));
            }
            var guide = ImportColumns.All.Select(c => new Dictionary<string, object?>
            {
                ["Cột"] = c.Header,
                ["Bắt buộc"] = c.Required ? "có" : "không",
                ["Ví dụ"] = c.Example,
            }).ToList();
            using var stream = new MemoryStream();
            stream.SaveAs(new Dictionary<string, object> { ["Công nhận"] = sheet, ["Hướng dẫn"] = guide }, excelType: ExcelType.XLSX);
            return stream.ToArray();
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/recognition-imports/template", async (string? format, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var template = await mediator.Send(new Query(format), cancellationToken);
                return TypedResults.File(template.Content, template.ContentType, template.FileName);
            })
            .WithTags("Imports")
            .WithSummary("Tệp mẫu để nhập công nhận trước đây (format=xlsx|csv)");
}
