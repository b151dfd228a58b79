using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Councils;

/// <summary>The council sessions of the provinces in the caller's scope, latest meeting first; open ones or concluded ones when asked.</summary>
public static class ListCouncilSessions
{
    public sealed record Query(string? Status, int? Page, int? PageSize) : IRequest<Paged<CouncilSessionSummary>>, IAuthenticatedRequest;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Status).Must(s => s is null or CouncilSession.Open or CouncilSession.Concluded).OverridePropertyName("status")
                .WithMessage($"Trạng thái (status) là '{CouncilSession.Open}' hoặc '{CouncilSession.Concluded}'.");
            this.ValidPage(q => q.Page, q => q.PageSize);
        }
    }

    internal sealed class Handler(AppDbContext db, ICurrentActor actors) : IRequestHandler<Query, Paged<CouncilSessionSummary>>
    {
        public async Task<Paged<CouncilSessionSummary>> Handle(Query query, CancellationToken cancellationToken)
        {
            var actor = await actors.RequireAsync(cancellationToken);
            var inScope =
                from s in db.CouncilSessions
                join u in db.Units on s.UnitCode equals u.Code
                where u.Path.StartsWith(actor.UnitPath) && (query.Status == null || s.Status == query.Status)
                select new { Session = s, UnitName = u.Name };
            var total = await inScope.CountAsync(cancellationToken);
            var page = await inScope
                .OrderByDescending(x => x.Session.MeetingDate).ThenByDescending(x => x.Session.CreatedAt)
                .Skip(Paging.Skip(query.Page, query.PageSize)).Take(Paging.Size(query.PageSize))
                .Select(x => new CouncilSessionSummary(
                    x.Session.Id, x.Session.UnitCode, x.UnitName, x.Session.Number, x.Session.Title, x.Session.MeetingDate, x.Session.Status,
                    x.Session.Members.Count, x.Session.Dossiers.Count, x.Session.ConcludedAt))
                .ToListAsync(cancellationToken);
            return new Paged<CouncilSessionSummary>(page, total, query.Page ?? 1, Paging.Size(query.PageSize));
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/council-sessions",
                async (string? status, int? page, int? pageSize, IMediator mediator, CancellationToken cancellationToken) =>
                    TypedResults.Ok(await mediator.Send(new Query(status, page, pageSize), cancellationToken)))
            .WithTags("Councils")
            .WithSummary("Các phiên họp Hội đồng thẩm định trong phạm vi của người gọi");
}
