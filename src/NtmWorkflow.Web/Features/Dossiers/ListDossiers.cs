using NtmWorkflow.Engine.Calendar;
using FluentValidation;
using MediatR;
using NtmWorkflow.Engine;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Dossiers;

/// <summary>The dossiers inside the caller's unit subtree, filtered and sorted (newest activity first by default).</summary>
public static class ListDossiers
{
    /// <summary>Orders a list may be sorted in.</summary>
    public static readonly IReadOnlyList<string> Sorts = ["updated", "due", "unit", "year"];

    public sealed record Query(
        string? Stage, string? Status, string? UnitCode, int? Year, int? Page, int? PageSize,
        string? Level = null, bool? Overdue = null, string? Q = null, string? Sort = null,
        string? LeftStage = null, int? LeftYear = null, int? DecidedYear = null, bool? DecidedLate = null)
        : IRequest<Paged<DossierSummary>>, IAuthenticatedRequest;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Status).Must(s => s is null || DossierStatuses.All.Contains(s))
                .WithMessage($"Trạng thái (status) phải là một trong: {string.Join(", ", DossierStatuses.All)}.");
            RuleFor(q => q.Stage).MaximumLength(Limits.Code).WithMessage($"Giai đoạn (stage) dài tối đa {Limits.Code} ký tự.");
            RuleFor(q => q.UnitCode).MaximumLength(Limits.Code).WithMessage($"Mã đơn vị dài tối đa {Limits.Code} ký tự.");
            RuleFor(q => q.Level).Must(l => l is null || Levels.IsKnown(l))
                .WithMessage($"Mức công nhận (level) phải là một trong: {string.Join(", ", Levels.All)}.");
            RuleFor(q => q.Q).MaximumLength(Limits.Name).WithMessage($"Từ khóa tìm (q) dài tối đa {Limits.Name} ký tự.");
            RuleFor(q => q.Sort).Must(s => s is null || Sorts.Contains(s))
                .WithMessage($"Cách sắp xếp (sort) phải là một trong: {string.Join(", ", Sorts)}.");
            RuleFor(q => q.LeftStage).MaximumLength(Limits.Code).WithMessage($"Giai đoạn đã qua (leftStage) dài tối đa {Limits.Code} ký tự.");
            RuleFor(q => q.LeftYear).Null().When(q => q.LeftStage is null)
                .WithMessage("Năm rời giai đoạn (leftYear) chỉ dùng cùng giai đoạn đã qua (leftStage).");
            this.ValidPage(q => q.Page, q => q.PageSize);
        }
    }

    internal sealed class Handler(
        AppDbContext db, DossierLookup lookup, ICurrentActor actors, UnitPaths unitPaths, WorkingCalendar calendar, TimeProvider clock)
        : IRequestHandler<Query, Paged<DossierSummary>>
    {
        public async Task<Paged<DossierSummary>> Handle(Query query, CancellationToken cancellationToken)
        {
            var actor = await actors.RequireAsync(cancellationToken);
            var scope = actor.UnitPath;
            if (query.UnitCode is { } unitCode)
            {
                var unitPath = await unitPaths.FindAsync(db, unitCode, cancellationToken)
                    ?? throw ProblemException.BadRequest("unitCode", $"Không có đơn vị hành chính mã '{unitCode}'.");
                if (!actor.CanSee(unitPath))
                {
                    throw ProblemException.Forbidden("Đơn vị này nằm ngoài phạm vi của bạn.");
                }
                scope = unitPath;
            }
            var now = clock.GetUtcNow().UtcDateTime;
            var filtered = Filter(query, now);
            var listing = new DossierListing(scope, query.Sort switch
            {
                "due" =>
                [
                    dossiers => filtered(dossiers).Where(d => d.DueAt != null).OrderBy(d => d.DueAt).ThenBy(d => d.Id),
                    dossiers => filtered(dossiers).Where(d => d.DueAt == null).OrderBy(d => d.Id),
                ],
                "unit" => [dossiers => filtered(dossiers)
                    .OrderBy(d => db.Units.Where(u => u.Code == d.UnitCode).Select(u => u.SearchName).First()).ThenBy(d => d.Id)],
                "year" => [dossiers => filtered(dossiers).OrderByDescending(d => d.Year).ThenByDescending(d => d.UpdatedAt).ThenBy(d => d.Id)],
                _ => [dossiers => filtered(dossiers).OrderByDescending(d => d.UpdatedAt).ThenBy(d => d.Id)],
            });
            return await DossierSummaries.PageAsync(listing, db, lookup, calendar, now, query.Page, query.PageSize, cancellationToken);
        }

        private Func<IQueryable<Dossier>, IQueryable<Dossier>> Filter(Query query, DateTime now) => dossiers =>
        {
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
            if (query.Level is { } level)
            {
                dossiers = dossiers.Where(d => d.Level == level);
            }
            if (query.Overdue is { } overdue)
            {
                dossiers = overdue ? dossiers.Where(d => d.DueAt < now) : dossiers.Where(d => d.DueAt == null || d.DueAt >= now);
            }
            if (query.LeftStage is { } left)
            {
                dossiers = dossiers.LeftStage(db, left, query.LeftYear);
            }
            if (query.DecidedLate is { } late)
            {
                dossiers = dossiers.DecidedLate(db, query.DecidedYear, late);
            }
            else if (query.DecidedYear is { } decided)
            {
                dossiers = dossiers.Decided(db, decided);
            }
            if (!string.IsNullOrWhiteSpace(query.Q))
            {
                var words = TextSearch.Normalize(query.Q);
                var units = db.Units.Where(u => u.SearchName.Contains(words)).Select(u => u.Code);
                dossiers = dossiers.Where(d => units.Contains(d.UnitCode));
            }
            return dossiers;
        };
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/dossiers", async (
                string? stage, string? status, string? unitCode, int? year, int? page, int? pageSize, string? level, bool? overdue,
                string? q, string? sort, string? leftStage, int? leftYear, int? decidedYear, bool? decidedLate, IMediator mediator,
                CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(
                    new Query(stage, status, unitCode, year, page, pageSize, level, overdue, q, sort, leftStage, leftYear, decidedYear, decidedLate),
                    cancellationToken)))
            .WithTags("Dossiers")
            .WithSummary("Danh sách hồ sơ trong phạm vi của người gọi");
}
