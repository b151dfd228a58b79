using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Programme;

/// <summary>Every record of a commune's criteria for a year, current and superseded, newest first.</summary>
public static class ListCriteriaStatusHistory
{
    public sealed record Query(string UnitCode, int Year, int? Page, int? PageSize) : IRequest<Paged<StatusRecordView>>, IUnitRequest;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => this.ValidPage(q => q.Page, q => q.PageSize);
    }

    internal sealed class Handler(AppDbContext db, StatusYears years) : IRequestHandler<Query, Paged<StatusRecordView>>
    {
        public async Task<Paged<StatusRecordView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var status = await years.ResolveAsync(query.UnitCode, query.Year, cancellationToken);
            var records = db.CriterionStatuses.AsNoTracking().Where(s => s.UnitCode == status.Unit.Code && s.Year == status.Year);
            var total = await records.CountAsync(cancellationToken);
            // Ids grow with every insert: of two records made in one instant, the greater id is the later.
            var page = await records.OrderByDescending(s => s.RecordedAt).ThenByDescending(s => s.Id)
                .Skip(Paging.Skip(query.Page, query.PageSize)).Take(Paging.Size(query.PageSize))
                .ToListAsync(cancellationToken);
            return new Paged<StatusRecordView>(page.Select(StatusRecordView.Of).ToList(), total, query.Page ?? 1, Paging.Size(query.PageSize));
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/api/communes/{code}/criteria-status/history",
                async (string code, int year, int? page, int? pageSize, IMediator mediator, CancellationToken cancellationToken) =>
                    TypedResults.Ok(await mediator.Send(new Query(code, year, page, pageSize), cancellationToken)))
            .WithTags("Programme")
            .WithSummary("Lịch sử tình trạng tiêu chí của một xã trong một năm, mới nhất trước");
}
