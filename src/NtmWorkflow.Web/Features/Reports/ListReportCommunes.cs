using MediatR;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Reports;

/// <summary>The communes behind a figure of the programme report: those of the scope and year a filter selects.</summary>
public static class ListReportCommunes
{
    public sealed record Query(string Scope, int? Year, CommuneFilter Filter) : IRequest<Result>, IUnitRequest
    {
        public string UnitCode => Scope;
    }

    public sealed record Item(string Code, string Name, IReadOnlyList<string> Levels, int? CriteriaMet, bool Unconfirmed, IReadOnlyList<string> Planned);

    /// <param name="CriteriaTotal">The number of criteria of the period's commune set; null when none is loaded.</param>
    public sealed record Result(
        string ScopeCode, string ScopeName, int Year, int? CriteriaTotal, CommuneFilter Filter, int Total, IReadOnlyList<Item> Items,
        IReadOnlyDictionary<string, ReportLink> Exports);

    internal sealed class Handler(ReportReader reader) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var data = await reader.ReadAsync(query.Scope, query.Year, cancellationToken);
            var scope = data.Scope;
            var items = query.Filter.Apply(data)
                .Select(c => new Item(c.Code, c.Name, Engine.Levels.All.Where(c.Held.Contains).ToList(), c.Status?.Met, c.Status?.Unconfirmed ?? false, c.Planned))
                .ToList();
            var filter = query.Filter.Parameters();
            return new Result(scope.Unit.Code, scope.Unit.Name, scope.Year, data.CriteriaSet?.Criteria.Count, query.Filter, items.Count, items,
                new Dictionary<string, ReportLink>
                {
                    ["xlsx"] = ReportLinks.Export(scope, "communes", "xlsx", filter),
                    ["csv"] = ReportLinks.Export(scope, "communes", "csv", filter),
                });
        }
    }

    /// <summary>The list as JSON, or as a file when the request names a format.</summary>
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet($"{ReportLinks.Api}/communes", async (
                string? scope, int? year, string? format, [AsParameters] CommuneFilter filter, HttpContext http, IMediator mediator,
                CancellationToken cancellationToken) =>
            {
                var unit = ReportScope.CodeFor(scope, http.User);
                return format is null
                    ? (IResult)TypedResults.Ok(await mediator.Send(new Query(unit, year, filter), cancellationToken))
                    : (await mediator.Send(new ExportReportTable.Query(unit, year, "communes", format, filter), cancellationToken)).ToResult();
            })
            .WithTags("Reports")
            .WithSummary("Danh sách xã đứng sau một số liệu của báo cáo chương trình (JSON, hoặc tệp khi có format)");
}
