using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Features.Dossiers;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Public;

/// <summary>The public registry of recognition decisions: anyone can check who was recognised, when and by whose signature.</summary>
public static class ListDecisions
{
    public sealed record Query(string? Q, string? ProvinceCode, int? Year, int? Page, int? PageSize)
        : IRequest<Paged<RecognitionDecision>>, IAnonymousRequest;

    /// <param name="DossierId">The dossier that led to it; null for a recognition imported from before the system.</param>
    /// <param name="UnitName">The unit's name when it was recognised (a unit merged or renamed since keeps it here).</param>
    /// <param name="BatchId">The batch decision that recognised it with other units (GET /api/public/decisions/batches/{id}); null for one of its own.</param>
    /// <param name="Imported">Recorded from the paper era (an import or the seeded history), not by a dossier of the system.</param>
    public sealed record RecognitionDecision(
        Guid? DossierId,
        string UnitCode,
        string UnitName,
        string? ProvinceCode,
        string? ProvinceName,
        string Level,
        int? Year,
        DecisionView Decision,
        CeremonyView? Ceremony,
        DecisionView? Revocation,
        Guid? BatchId,
        bool Imported);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Q).MaximumLength(Limits.Name).WithMessage($"Từ khóa tìm kiếm (q) dài tối đa {Limits.Name} ký tự.");
            RuleFor(q => q.ProvinceCode).MaximumLength(Limits.Code).WithMessage($"Mã tỉnh dài tối đa {Limits.Code} ký tự.");
            this.ValidPage(q => q.Page, q => q.PageSize);
        }
    }

    internal sealed class Handler(AppDbContext db) : IRequestHandler<Query, Paged<RecognitionDecision>>
    {
        public async Task<Paged<RecognitionDecision>> Handle(Query query, CancellationToken cancellationToken)
        {
            var decided = db.Recognitions.AsNoTracking()
                .Where(r => r.DecisionNumber != null && r.DecisionDate != null && r.DecisionSigner != null)
                .Join(db.Units, r => r.UnitCode, u => u.Code, (r, u) => new { Recognition = r, Unit = u });
            if (query.ProvinceCode is { } provinceCode)
            {
                var provincePath = await db.Units
                    .Where(u => u.Code == provinceCode && u.Kind == UnitKinds.Province)
                    .Select(u => u.Path)
                    .FirstOrDefaultAsync(cancellationToken)
                    ?? throw ProblemException.BadRequest("provinceCode", $"Không có tỉnh mã '{provinceCode}'.");
                decided = decided.Where(x => x.Recognition.UnitPath.StartsWith(provincePath));
            }
            if (query.Year is { } year)
            {
                decided = decided.Where(x => x.Recognition.Year == year);
            }
            if (!string.IsNullOrWhiteSpace(query.Q))
            {
                var text = TextSearch.Normalize(query.Q);
                decided = decided.Where(x => x.Unit.SearchName.Contains(text) || x.Recognition.DecisionNumber!.Contains(query.Q.Trim()));
            }
            var total = await decided.CountAsync(cancellationToken);
            var rows = await decided
                .OrderByDescending(x => x.Recognition.DecisionDate)
                .ThenBy(x => x.Recognition.UnitName)
                .Skip(Paging.Skip(query.Page, query.PageSize))
                .Take(Paging.Size(query.PageSize))
                .ToListAsync(cancellationToken);
            var provinces = await ProvincesOf(rows.Select(r => r.Unit.Path), cancellationToken);
            var items = rows.Select(r =>
            {
                var d = r.Recognition;
                var province = provinces.FirstOrDefault(p => r.Unit.Path.StartsWith(p.Path, StringComparison.Ordinal));
                return new RecognitionDecision(
                    d.DossierId, d.UnitCode, d.UnitName, province?.Code, province?.Name, d.Level, d.Year,
                    DecisionView.From(d.DecisionNumber, d.DecisionDate, d.DecisionSigner)!,
                    CeremonyView.From(d.CeremonyDate, d.CeremonyPlace),
                    DecisionView.From(d.RevocationNumber, d.RevocationDate, d.RevocationSigner),
                    d.DecisionBatchId,
                    d.DossierId is null);
            }).ToList();
            return new Paged<RecognitionDecision>(items, total, query.Page ?? 1, Paging.Size(query.PageSize));
        }

        private async Task<List<AdministrativeUnit>> ProvincesOf(IEnumerable<string> paths, CancellationToken cancellationToken)
        {
            var codes = paths.Select(AdministrativeUnit.ProvinceCodeOf).OfType<string>().Distinct().ToList();
            return await db.Units.AsNoTracking()
                .Where(u => codes.Contains(u.Code) && u.Kind == UnitKinds.Province)
                .ToListAsync(cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/public/decisions", async (
                string? q, string? provinceCode, int? year, int? page, int? pageSize, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Query(q, provinceCode, year, page, pageSize), cancellationToken)))
            .WithTags("Public")
            .WithSummary("Tra cứu quyết định công nhận (không cần đăng nhập)")
            .AllowAnonymous();
}
