using MediatR;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Reports;

/// <summary>
/// The procedure's figures for a unit (the caller's by default) and a year (this year by default): an official sees
/// those of any unit in their subtree, a commune officer their own commune's.
/// </summary>
public static class GetProcedureReport
{
    public sealed record Query(string? Scope, int? Year) : IRequest<ProcedureReport>, IAuthenticatedRequest;

    internal sealed class Handler(ProcedureFigures figures) : IRequestHandler<Query, ProcedureReport>
    {
        public Task<ProcedureReport> Handle(Query query, CancellationToken cancellationToken) =>
            figures.ReadAsync(query.Scope, query.Year, cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/reports/procedure", async (string? scope, int? year, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Query(scope, year), cancellationToken)))
            .WithTags("Reports")
            .WithSummary("Tiến độ hồ sơ: đang xử lý và quá hạn theo giai đoạn, số ngày làm việc mỗi giai đoạn, tỷ lệ quyết định đúng hạn");
}
