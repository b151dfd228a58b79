using MediatR;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Features.Admin;
using NtmWorkflow.Web.Features.Dossiers;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Units;

/// <summary>
/// A unit with its lineage: the units merged into it (with the resolution and date), their recognitions under the
/// names they had when decided and their dossiers, and the unit's recorded changes. Shown to officials whose scope
/// holds the unit; a predecessor's dossiers are listed only where the caller's scope holds them too (a province's
/// officials see them all; a new commune's officer sees the recognitions, which are public anyway).
/// </summary>
public static class GetUnit
{
    public sealed record Query(string Code) : IRequest<UnitLineage>, IAuthenticatedRequest;

    public sealed record UnitRef(string Code, string Name);

    public sealed record Predecessor(string Code, string Name, string Kind, DateOnly? DissolvedOn, string? Resolution, DateOnly? ResolutionDate);

    public sealed record RecognitionRow(
        string UnitCode, string UnitName, string Level, int? Year, DecisionView? Decision, CeremonyView? Ceremony, DecisionView? Revocation);

    public sealed record DossierRow(Guid Id, string UnitCode, string UnitName, string Level, int Year, string Status, string Stage);

    public sealed record ChangeRow(
        string Kind, string UnitCode, string? FromParentCode, string? ToParentCode, string? IntoCode, string? OldName, string? NewName,
        string? Resolution, DateOnly? ResolutionDate, DateOnly? EffectiveOn, string? ChangeId, string? Note, string Actor, DateTime At);

    public sealed record UnitLineage(
        ManageUnits.UnitView Unit,
        UnitRef? Parent,
        UnitRef? Successor,
        IReadOnlyList<Predecessor> Predecessors,
        IReadOnlyList<RecognitionRow> Recognitions,
        IReadOnlyList<DossierRow> Dossiers,
        IReadOnlyList<ChangeRow> Changes);

    internal sealed class Handler(AppDbContext db, ICurrentActor actors) : IRequestHandler<Query, UnitLineage>
    {
        public async Task<UnitLineage> Handle(Query query, CancellationToken cancellationToken)
        {
            var actor = await actors.RequireAsync(cancellationToken);
            var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == query.Code, cancellationToken)
                ?? throw ProblemException.NotFound($"Không có đơn vị mã '{query.Code}'.");
            if (!actor.CanSee(unit.Path))
            {
                throw ProblemException.Forbidden($"{unit.Name} không thuộc phạm vi đơn vị của bạn.");
            }
            var predecessors = await db.Units.AsNoTracking().Where(u => u.SuccessorCode == unit.Code).OrderBy(u => u.Name).ToListAsync(cancellationToken);
            var lineage = predecessors.Select(p => p.Code).Append(unit.Code).ToList();
            var related = await db.Units.AsNoTracking()
                .Where(u => u.Code == unit.ParentCode || u.Code == unit.SuccessorCode)
                .ToDictionaryAsync(u => u.Code, u => new UnitRef(u.Code, u.Name), cancellationToken);
            var recognitions = await db.Recognitions.AsNoTracking()
                .Where(r => lineage.Contains(r.UnitCode))
                .OrderBy(r => r.DecisionDate).ThenBy(r => r.UnitName)
                .ToListAsync(cancellationToken);
            var dossiers = await db.Dossiers.AsNoTracking()
                .Where(d => lineage.Contains(d.UnitCode))
                .Join(db.Units, d => d.UnitCode, u => u.Code, (d, u) => new { Dossier = d, u.Name })
                .OrderByDescending(x => x.Dossier.Year)
                .ToListAsync(cancellationToken);
            var changes = await db.UnitChanges.AsNoTracking()
                .Where(c => c.UnitCode == unit.Code || c.IntoCode == unit.Code)
                .OrderBy(c => c.At)
                .ToListAsync(cancellationToken);
            return new UnitLineage(
                ManageUnits.UnitView.From(unit),
                unit.ParentCode is { } parent ? related.GetValueOrDefault(parent) : null,
                unit.SuccessorCode is { } successor ? related.GetValueOrDefault(successor) : null,
                predecessors.Select(p => new Predecessor(p.Code, p.Name, p.Kind, p.DissolvedOn, p.Resolution, p.ResolutionDate)).ToList(),
                recognitions.Select(r => new RecognitionRow(r.UnitCode, r.UnitName, r.Level, r.Year,
                    DecisionView.From(r.DecisionNumber, r.DecisionDate, r.DecisionSigner), CeremonyView.From(r.CeremonyDate, r.CeremonyPlace),
                    DecisionView.From(r.RevocationNumber, r.RevocationDate, r.RevocationSigner))).ToList(),
                dossiers.Where(x => actor.CanSee(x.Dossier.UnitPath))
                    .Select(x => new DossierRow(x.Dossier.Id, x.Dossier.UnitCode, x.Name, x.Dossier.Level, x.Dossier.Year, x.Dossier.Status, x.Dossier.Stage))
                    .ToList(),
                changes.Select(c => new ChangeRow(c.Kind, c.UnitCode, c.FromParentCode, c.ToParentCode, c.IntoCode, c.OldName, c.NewName,
                    c.Resolution, c.ResolutionDate, c.EffectiveOn, c.ChangeId, c.Note, c.Actor, c.At)).ToList());
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/api/units/{code}", async (string code, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Query(code), cancellationToken)))
            .WithTags("Units")
            .WithSummary("Một đơn vị hành chính với các đơn vị tiền thân (sáp nhập vào), hồ sơ, quyết định công nhận và lịch sử thay đổi");
}
