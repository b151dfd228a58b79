using MediatR;
using NtmWorkflow.Web.Features.Exports;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Reports;

/// <summary>One table of the procedure report as XLSX or CSV, with the figures the report shows.</summary>
public static class ExportProcedureTable
{
    public const string Stages = "stages";
    public const string CycleTimes = "cycle-times";
    public const string Timeliness = "timeliness";

    public static readonly IReadOnlyList<string> Tables = [Stages, CycleTimes, Timeliness];

    public sealed record Query(string Table, string? Scope, int? Year, string? Format) : IRequest<ExportFile>, IAuthenticatedRequest;

    internal sealed class Handler(ProcedureFigures figures) : IRequestHandler<Query, ExportFile>
    {
        public async Task<ExportFile> Handle(Query query, CancellationToken cancellationToken)
        {
            var format = ExportFormats.Parse(query.Format);
            if (!Tables.Contains(query.Table))
            {
                throw ProblemException.NotFound($"Không có bảng '{query.Table}' trong báo cáo tiến độ hồ sơ; các bảng: {string.Join(", ", Tables)}.");
            }
            var report = await figures.ReadAsync(query.Scope, query.Year, cancellationToken);
            return TableExport.Write(Table(query.Table, report), format, $"tien-do-ho-so-{query.Table}-{report.ScopeCode}-{report.Year}");
        }
    }

    private static ExportTable Table(string table, ProcedureReport report) => table switch
    {
        Stages => new ExportTable("Theo giai đoạn",
            [new("Giai đoạn"), new("Mã giai đoạn"), new("Đang xử lý", ExportCell.Number), new("Quá hạn", ExportCell.Number)],
            report.Stages.Select(s => new object?[] { s.StageTitle, s.Stage, s.InProgress, s.Overdue })),
        CycleTimes => new ExportTable($"Thời gian {report.Year}",
            [
                new("Giai đoạn"), new("Mã giai đoạn"), new("Số lượt hoàn thành", ExportCell.Number),
                new("Trung vị (ngày làm việc)", ExportCell.Number), new("Phân vị 90 (ngày làm việc)", ExportCell.Number),
                new("Không tính được (thiếu lịch năm)", ExportCell.Number),
            ],
            report.CycleTimes.Select(c => new object?[]
                { c.StageTitle, c.Stage, c.Observations, c.MedianWorkingDays, c.P90WorkingDays, c.Uncounted })),
        _ => new ExportTable($"Đúng hạn {report.Year}",
            [
                new("Năm", ExportCell.Number), new("Đã quyết định", ExportCell.Number), new("Trong thời hạn", ExportCell.Number),
                new("Trễ hạn", ExportCell.Number), new("Tỷ lệ trong thời hạn (%)", ExportCell.Number),
            ],
            [[report.Year, report.Timeliness.Decided, report.Timeliness.WithinLegalTime, report.Timeliness.Late, report.Timeliness.WithinSharePercent]]),
    };

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/reports/procedure/{table}", async (
                string table, string? scope, int? year, string? format, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(new Query(table, scope, year, format), cancellationToken)).ToResult())
            .WithTags("Reports")
            .WithSummary("Xuất một bảng của báo cáo tiến độ hồ sơ (xlsx hoặc csv)");
}
