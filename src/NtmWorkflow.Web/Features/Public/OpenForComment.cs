using MediatR;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Engine.Calendar;
using NtmWorkflow.Engine.Definitions;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Infrastructure;
using NtmWorkflow.Web.Features.Dossiers;

namespace NtmWorkflow.Web.Features.Public;

/// <summary>
/// The dossiers whose papers are publicly posted for comment right now, with the papers anyone may read (the draft
/// report), for residents and organisations to comment on.
/// </summary>
public static class OpenForComment
{
    /// <summary>All of them, soonest closing first; or one by id (404 when it is not open for comment).</summary>
    public sealed record Query(Guid? DossierId = null) : IRequest<IReadOnlyList<OpenDossier>>, IAnonymousRequest;

    public sealed record OpenDossier(
        Guid Id, string UnitName, string Level, int Year, string StageTitle, DateOnly PostingUntil, IReadOnlyList<PublicPaper> Papers);

    /// <summary>A public paper of the dossier, downloadable at /api/public/documents/{id}/content.</summary>
    public sealed record PublicPaper(Guid Id, string Title, string FileName, int Version);

    internal sealed class Handler(
        AppDbContext db, DossierLookup dossiers, DefinitionCatalog catalog, WorkingCalendar calendar, TimeProvider clock)
        : IRequestHandler<Query, IReadOnlyList<OpenDossier>>
    {
        public async Task<IReadOnlyList<OpenDossier>> Handle(Query query, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var postingStages = catalog.All.SelectMany(d => d.Stages.Values).Where(s => s.Posting is not null).Select(s => s.Name).Distinct().ToList();
            var candidates = await db.Dossiers.AsNoTracking()
                .Where(d => postingStages.Contains(d.Stage) && (query.DossierId == null || d.Id == query.DossierId))
                .Join(db.Units, d => d.UnitCode, u => u.Code, (d, u) => new { Dossier = d, UnitName = u.Name })
                .OrderBy(x => x.Dossier.StageEnteredAt)
                .ToListAsync(cancellationToken);
            var open = new List<OpenDossier>();
            foreach (var candidate in candidates)
            {
                var dossier = candidate.Dossier;
                var definition = await dossiers.DefinitionOfAsync(dossier, cancellationToken);
                if (dossier.PostingUntil(definition, now, calendar) is not { } until)
                {
                    continue;
                }
                // Only what was submitted when the posting began: never a paper still being drafted in this round.
                var papers = await db.Documents.AsNoTracking()
                    .Where(d => d.DossierId == dossier.Id && d.Public && d.UploadedAt <= dossier.StageEnteredAt)
                    .OrderBy(d => d.Type).ThenByDescending(d => d.Version)
                    .ToListAsync(cancellationToken);
                open.Add(new OpenDossier(dossier.Id, candidate.UnitName, dossier.Level, dossier.Year, definition.TitleOf(dossier.Stage), until,
                    papers.GroupBy(p => p.Type).Select(g => g.First())
                        .Select(p => new PublicPaper(p.Id, definition.Documents.GetValueOrDefault(p.Type)?.Title ?? p.Type, p.FileName, p.Version))
                        .ToList()));
            }
            if (query.DossierId is { } id && open.Count == 0)
            {
                throw ProblemException.NotFound($"Hồ sơ {id} không có hoặc hiện không trong thời gian công khai lấy ý kiến.");
            }
            return open.OrderBy(o => o.PostingUntil).ToList();
        }
    }

    public static void Map(IEndpointRouteBuilder everyone)
    {
        everyone.MapGet("/api/public/open-for-comment", async (IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Query(), cancellationToken)))
            .WithTags("Public")
            .WithName("ListOpenForComment")
            .WithSummary("Hồ sơ đang công khai lấy ý kiến (không cần đăng nhập)")
            .AllowAnonymous();
        everyone.MapGet("/api/public/open-for-comment/{id:guid}", async (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok((await mediator.Send(new Query(id), cancellationToken))[0]))
            .WithTags("Public")
            .WithName("GetOpenForComment")
            .WithSummary("Một hồ sơ đang công khai lấy ý kiến, với báo cáo dự thảo")
            .AllowAnonymous();
    }
}
