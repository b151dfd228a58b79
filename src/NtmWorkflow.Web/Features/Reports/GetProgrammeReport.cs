using MediatR;
using NtmWorkflow.Engine.Periods;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Reports;

/// <summary>
/// The programme report of a scope (the country, a province, a commune) for a year: communes by level held with the
/// officials' sentence, by criteria met, per criterion, planned against achieved, and a province's targets; every figure
/// with the list behind it. Any official may read it for a unit inside their own.
/// </summary>
public static class GetProgrammeReport
{
    /// <summary>The tables a report exports, by their name in the export's address.</summary>
    public static readonly IReadOnlyList<string> Tables = ["levels", "bands", "criteria", "plans", "targets", "communes"];

    public sealed record Query(string Scope, int? Year) : IRequest<Report>, IUnitRequest
    {
        public string UnitCode => Scope;
    }

    public sealed record ScopeView(string Code, string Name, string Kind);

    public sealed record PeriodView(string Id, string Title, string? CriteriaSet);

    public sealed record LevelsSection(string Sentence, IReadOnlyList<LevelFigures.Row> Rows);

    /// <param name="ReferenceDay">The day the communes counted were in force and the recognitions counted stood.</param>
    /// <param name="Exports">Per table, its XLSX and CSV files.</param>
    public sealed record Report(
        ScopeView Scope, int Year, PeriodView Period, DateOnly ReferenceDay, int Communes, ReportLink AllCommunes,
        LevelsSection Levels, BandFigures.Result Bands, IReadOnlyList<CriterionFigures.Row> Criteria, IReadOnlyList<PlanFigures.Row> Plans,
        IReadOnlyList<TargetFigures.Row> Targets, IReadOnlyDictionary<string, IReadOnlyDictionary<string, ReportLink>> Exports);

    internal sealed class Handler(ReportReader reader, PeriodCatalog periods) : IRequestHandler<Query, Report>
    {
        public async Task<Report> Handle(Query query, CancellationToken cancellationToken)
        {
            var data = await reader.ReadAsync(query.Scope, query.Year, cancellationToken);
            var scope = data.Scope;
            var levels = LevelFigures.Compute(data);
            return new Report(
                new ScopeView(scope.Unit.Code, scope.Unit.Name, scope.Unit.Kind), scope.Year,
                new PeriodView(scope.Period.Id, scope.Period.Title, scope.Period.CommuneCriteriaSet), scope.ReferenceDay,
                data.Total, ReportLinks.Communes(scope),
                new LevelsSection(ReportText.Sentence(periods.Wording, levels, data.Total), levels),
                BandFigures.Compute(data), CriterionFigures.Compute(data), PlanFigures.Compute(data), TargetFigures.Compute(data),
                Tables.ToDictionary(table => table, table => (IReadOnlyDictionary<string, ReportLink>)new Dictionary<string, ReportLink>
                {
                    ["xlsx"] = ReportLinks.Export(scope, table, "xlsx"),
                    ["csv"] = ReportLinks.Export(scope, table, "csv"),
                }));
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(ReportLinks.Api, async (string? scope, int? year, HttpContext http, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Query(ReportScope.CodeFor(scope, http.User), year), cancellationToken)))
            .WithTags("Reports")
            .WithSummary("Báo cáo chương trình NTM của một phạm vi (cả nước, tỉnh, xã) trong một năm");
}
