using NtmWorkflow.Engine.Calendar;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Engine;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Dossiers;

/// <summary>The dossiers inside the caller's unit subtree, filtered, newest activity first.</summary>
public static class ListDossiers
{
    public sealed record Query(string? Stage, string? Status, string? UnitCode, int? Year, int? Page, int? PageSize)
        : IRequest<Paged<DossierSummary>>, IAuthenticatedRequest;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Status).Must(s => s is null || DossierStatuses.All.Contains(s))
                .WithMessage($"Trạng thái (status) phải là một trong: {string.Join(", ", DossierStatuses.All)}.");
            RuleFor(q => q.Stage).MaximumLength(Limits.Code).WithMessage($"Giai đoạn (stage) dài tối đa {Limits.Code} ký tự.");
            RuleFor(q => q.UnitCode).MaximumLength(Limits.Code).WithMessage($"Mã đơn vị dài tối đa {Limits.Code} ký tự.");
            this.ValidPage(q => q.Page, q => q.PageSize);
        }
    }

    internal sealed class Handler(AppDbContext db, DossierLookup lookup, ICurrentActor actors, WorkingCalendar calendar, TimeProvider clock)
        : IRequestHandler<Query, Paged<DossierSummary>>
    {
        public async Task<Paged<DossierSummary>> Handle(Query query, CancellationToken cancellationToken)
        {
            var actor = await actors.RequireAsync(cancellationToken);
            var scope = actor.UnitPath;
            if (query.UnitCode is { } unitCode)
            {
                var unitPath = await db.Units.Where(u => u.Code == unitCode).Select(u => u.Path).FirstOrDefaultAsync(cancellationToken)
                    ?? throw ProblemException.BadRequest("unitCode", $"Không có đơn vị hành chính mã '{unitCode}'.");
                if (!actor.CanSee(unitPath))
                {
                    throw ProblemException.Forbidden("Đơn vị này nằm ngoài phạm vi của bạn.");
                }
                scope = unitPath;
            }
            var dossiers = db.Dossiers.Where(d => d.UnitPath.StartsWith(scope));
            if (query.Stage is { } stage)
            {
                dossiers = dossiers.Where(d => d.Stage == stage);
            }
            if (query.Status is { } status)
            {
                dossiers = dossiers.Where(d => d.Status == status);
            }
            if (query.Year is { } year)
            {
                dossiers = dossiers.Where(d => d.Year == year);
            }
            return await DossierSummaries.PageAsync(
                dossiers.OrderByDescending(d => d.UpdatedAt).ThenBy(d => d.Id),
                db, lookup, calendar, clock.GetUtcNow().UtcDateTime, query.Page, query.PageSize, cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/dossiers", async (
                string? stage, string? status, string? unitCode, int? year, int? page, int? pageSize,
                IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Query(stage, status, unitCode, year, page, pageSize), cancellationToken)))
            .WithTags("Dossiers")
            .WithSummary("Danh sách hồ sơ trong phạm vi của người gọi");
}
