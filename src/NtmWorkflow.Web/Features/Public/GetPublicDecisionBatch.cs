using MediatR;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Features.Dossiers;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Public;

/// <summary>One batch decision in the public registry: the decision once, and every unit and level it recognised.</summary>
public static class GetPublicDecisionBatch
{
    public sealed record Query(Guid Id) : IRequest<PublicDecisionBatch>, IAnonymousRequest;

    public sealed record PublicDecisionBatch(Guid Id, string ProvinceCode, string ProvinceName, DecisionView Decision, IReadOnlyList<Unit> Units);

    /// <param name="Revocation">The decision that revoked the unit's recognition since, if any.</param>
    public sealed record Unit(string UnitCode, string UnitName, string Level, int? Year, Guid? DossierId, DecisionView? Revocation);

    internal sealed class Handler(AppDbContext db) : IRequestHandler<Query, PublicDecisionBatch>
    {
        public async Task<PublicDecisionBatch> Handle(Query query, CancellationToken cancellationToken)
        {
            var batch = await db.DecisionBatches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == query.Id, cancellationToken)
                ?? throw ProblemException.NotFound($"Không có quyết định chung {query.Id}.");
            var province = await db.Units.AsNoTracking().Where(u => u.Code == batch.ProvinceCode).Select(u => u.Name).SingleAsync(cancellationToken);
            var units = await db.Recognitions.AsNoTracking()
                .Where(r => r.DecisionBatchId == batch.Id)
                .OrderBy(r => r.UnitName).ThenBy(r => r.Level)
                .ToListAsync(cancellationToken);
            return new PublicDecisionBatch(batch.Id, batch.ProvinceCode, province, new DecisionView(batch.Number, batch.Date, batch.Signer),
                units.Select(r => new Unit(r.UnitCode, r.UnitName, r.Level, r.Year, r.DossierId,
                    DecisionView.From(r.RevocationNumber, r.RevocationDate, r.RevocationSigner))).ToList());
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/public/decisions/batches/{id:guid}", async (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Query(id), cancellationToken)))
            .WithTags("Public")
            .WithSummary("Một quyết định chung và các đơn vị được công nhận (không cần đăng nhập)")
            .AllowAnonymous();
}
