using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Engine.Criteria;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Features.Dossiers;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Criteria;

/// <summary>Every self-assessment and verdict of one criterion of a dossier, newest first, a page at a time.</summary>
public static class GetCriterionHistory
{
    public sealed record Query(Guid DossierId, int Number, int? Page, int? PageSize) : IRequest<Paged<EntryView>>, IDossierRequest;

    /// <param name="Kind">"self-assessment" (the commune's, with <paramref name="Values"/> and <paramref name="CommuneGroup"/>) or "review".</param>
    /// <param name="Verdict">Met (a self-assessment) or agreed (a verdict).</param>
    /// <param name="Note">The commune's explanation or the reviewer's note.</param>
    /// <param name="Current">Whether it is the criterion's current self-assessment, or the current verdict of its stage.</param>
    public sealed record EntryView(
        string Kind, string Stage, bool Verdict, string? Note, IReadOnlyDictionary<string, IndicatorValue> Values, string? CommuneGroup,
        string By, string Role, DateTime At, bool Current)
    {
        internal static EntryView Of(CriterionEntry e) =>
            new(e.Kind, e.Stage, e.Verdict, e.Note, e.Values(), e.CommuneGroup, e.ActorUserName, e.Role, e.At, e.IsCurrent);
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => this.ValidPage(q => q.Page, q => q.PageSize);
    }

    internal sealed class Handler(AppDbContext db, DossierLookup dossiers) : IRequestHandler<Query, Paged<EntryView>>
    {
        public async Task<Paged<EntryView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var (dossier, _, _) = await dossiers.LoadAsync(query.DossierId, forUpdate: false, cancellationToken);
            var set = await dossiers.CriteriaAsync(dossier, cancellationToken);
            if (set.Criteria.All(c => c.Number != query.Number))
            {
                throw ProblemException.NotFound($"Bộ tiêu chí '{set.Title}' không có tiêu chí số {query.Number}.");
            }
            var entries = db.CriterionEntries.AsNoTracking().Where(e => e.DossierId == dossier.Id && e.Number == query.Number);
            var total = await entries.CountAsync(cancellationToken);
            // Ids grow with every insert: of two entries made in one instant, the greater id is the later.
            var page = await entries.OrderByDescending(e => e.Id)
                .Skip(Paging.Skip(query.Page, query.PageSize)).Take(Paging.Size(query.PageSize))
                .ToListAsync(cancellationToken);
            return new Paged<EntryView>(page.Select(EntryView.Of).ToList(), total, query.Page ?? 1, Paging.Size(query.PageSize));
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/dossiers/{id:guid}/criteria/{number:int}/history",
                async (Guid id, int number, int? page, int? pageSize, IMediator mediator, CancellationToken cancellationToken) =>
                    TypedResults.Ok(await mediator.Send(new Query(id, number, page, pageSize), cancellationToken)))
            .WithTags("Criteria")
            .WithSummary("Lịch sử tự đánh giá và ý kiến thẩm tra, thẩm định của một tiêu chí, mới nhất trước");
}
