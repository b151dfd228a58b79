using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Engine.Periods;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Programme;

/// <summary>
/// The annual plans in the caller's scope (or a unit's subtree inside it), each with whether it is achieved, and the
/// counts of confirmed plans: planned, achieved, not yet.
/// </summary>
public static class ListPlans
{
    public sealed record Query(int? Year, string? UnitCode, string? Status, int? Page, int? PageSize) : IRequest<PlansView>, IAuthenticatedRequest;

    /// <param name="Planned">Confirmed plans matching the filter (a status filter aside).</param>
    /// <param name="Achieved">Of those, the plans a standing recognition achieved.</param>
    public sealed record PlansView(Paged<PlanView> Plans, int Planned, int Achieved, int NotYet);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator(PeriodCatalog periods)
        {
            RuleFor(q => q.Year).Must(y => y is null || periods.ForYear(y.Value) is not null).OverridePropertyName("year")
                .WithMessage(q => $"Năm {q.Year} không thuộc giai đoạn nào của Chương trình ({periods.Ranges}).");
            RuleFor(q => q.Status).Must(s => s is null || AnnualPlan.Statuses.Contains(s)).OverridePropertyName("status")
                .WithMessage($"Trạng thái kế hoạch (status) là một trong: {string.Join(", ", AnnualPlan.Statuses)}.");
            this.ValidPage(q => q.Page, q => q.PageSize);
        }
    }

    internal sealed class Handler(AppDbContext db, ICurrentActor actors) : IRequestHandler<Query, PlansView>
    {
        public async Task<PlansView> Handle(Query query, CancellationToken cancellationToken)
        {
            var actor = await actors.RequireAsync(cancellationToken);
            var scope = actor.UnitPath;
            if (!string.IsNullOrEmpty(query.UnitCode))
            {
                var unit = await db.Units.AsNoTracking().RequireAsync(query.UnitCode, cancellationToken);
                scope = actor.CanSee(unit.Path) ? unit.Path : throw ProblemException.Forbidden("Đơn vị này không thuộc phạm vi đơn vị của bạn.");
            }
            var end = UnitSubtree.End(scope);
            var inScope = db.AnnualPlans.AsNoTracking()
                .Where(p => p.UnitPath.CompareTo(scope) >= 0 && p.UnitPath.CompareTo(end) < 0 && (query.Year == null || p.Year == query.Year));
            var confirmed = inScope.Where(p => p.Status == AnnualPlan.Confirmed);
            var planned = await confirmed.CountAsync(cancellationToken);
            var achieved = await confirmed.Achieved(db).CountAsync(cancellationToken);
            var listed = query.Status is null ? inScope : inScope.Where(p => p.Status == query.Status);
            var total = await listed.CountAsync(cancellationToken);
            var page = await listed
                .OrderByDescending(p => p.Year).ThenBy(p => p.UnitPath).ThenBy(p => p.Level).ThenBy(p => p.ProposedAt)
                .Skip(Paging.Skip(query.Page, query.PageSize)).Take(Paging.Size(query.PageSize))
                .Join(db.Units, p => p.UnitCode, u => u.Code, (p, u) => new { Plan = p, UnitName = u.Name })
                .ToListAsync(cancellationToken);
            var ids = page.Select(p => p.Plan.Id).ToList();
            var achievedIds = (await db.AnnualPlans.Where(p => ids.Contains(p.Id)).Achieved(db).Select(p => p.Id).ToListAsync(cancellationToken))
                .ToHashSet();
            var items = page.Select(p => PlanView.Of(p.Plan, p.UnitName, achievedIds.Contains(p.Plan.Id), actor)).ToList();
            return new PlansView(new Paged<PlanView>(items, total, query.Page ?? 1, Paging.Size(query.PageSize)), planned, achieved, planned - achieved);
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/api/plans", async (int? year, string? unitCode, string? status, int? page, int? pageSize, IMediator mediator,
                CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Query(year, unitCode, status, page, pageSize), cancellationToken)))
            .WithTags("Programme")
            .WithSummary("Kế hoạch năm trong phạm vi của người gọi, với kế hoạch đã đạt và số liệu kế hoạch / đạt / chưa đạt");
}
