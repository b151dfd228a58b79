using MediatR;
using NtmWorkflow.Web.Features.Exports;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Reports;

/// <summary>One table of the programme report as XLSX or CSV, computed by the same figures as the report itself.</summary>
public static class ExportReportTable
{
    /// <param name="Filter">Which communes the "communes" table lists; the other tables ignore it.</param>
    public sealed record Query(string Scope, int? Year, string Table, string? Format, CommuneFilter Filter) : IRequest<ExportFile>, IUnitRequest
    {
        public string UnitCode => Scope;
    }

    internal sealed class Handler(ReportReader reader) : IRequestHandler<Query, ExportFile>
    {
        public async Task<ExportFile> Handle(Query query, CancellationToken cancellationToken)
        {
            if (!GetProgrammeReport.Tables.Contains(query.Table))
            {
                throw ProblemException.NotFound(
                    $"Báo cáo không có bảng '{query.Table}' (các bảng: {string.Join(", ", GetProgrammeReport.Tables)}).");
            }
            var format = ExportFormats.Parse(query.Format);
            var data = await reader.ReadAsync(query.Scope, query.Year, cancellationToken);
            var scope = data.Scope;
            var table = query.Table switch
            {
                "levels" => LevelFigures.Table(LevelFigures.Compute(data), data.Total),
                "bands" => BandFigures.Table(BandFigures.Compute(data)),
                "criteria" => CriterionFigures.Table(CriterionFigures.Compute(data)),
                "plans" => PlanFigures.Table(PlanFigures.Compute(data)),
                "targets" => TargetFigures.Table(TargetFigures.Compute(data)),
                _ => CommuneFilter.Table(query.Filter.Apply(data).ToList()),
            };
            return TableExport.Write(table, format, $"bao-cao-{query.Table}-{scope.Unit.Code}-{scope.Year}");
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet($"{ReportLinks.Api}/{{table}}", Export)
            .WithTags("Reports")
            .WithSummary("Xuất một bảng của báo cáo chương trình (levels, bands, criteria, plans, targets, communes) ra XLSX hoặc CSV");

    /// <summary>The same files for the report pages, behind the sign-in cookie (a GET changes nothing, so no antiforgery).</summary>
    public static void MapForPages(IEndpointRouteBuilder pages) =>
        pages.MapGet($"{ReportLinks.PageExports}/{{table}}", Export).ExcludeFromDescription();

    private static async Task<IResult> Export(
        string table, string? scope, int? year, string? format, [AsParameters] CommuneFilter filter, HttpContext http, IMediator mediator,
        CancellationToken cancellationToken) =>
        (await mediator.Send(new Query(ReportScope.CodeFor(scope, http.User), year, table, format, filter), cancellationToken)).ToResult();
}
