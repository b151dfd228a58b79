using MediatR;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Engine;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Reports;

/// <summary>
/// How many communes under the caller's unit hold each level by a standing recognition (not revoked), by the province
/// they lie in today (a merged province's communes count under the province that absorbed it), for the home page.
/// </summary>
public static class CountLevelsByProvince
{
    public sealed record Query : IRequest<IReadOnlyList<ProvinceLevels>>, IAuthenticatedRequest;

    /// <summary>A province and, per level held by at least one commune in scope, how many communes hold it.</summary>
    public sealed record ProvinceLevels(string ProvinceCode, string ProvinceName, IReadOnlyDictionary<string, int> Communes);

    internal sealed class Handler(AppDbContext db, ICurrentActor actors) : IRequestHandler<Query, IReadOnlyList<ProvinceLevels>>
    {
        public async Task<IReadOnlyList<ProvinceLevels>> Handle(Query query, CancellationToken cancellationToken)
        {
            var actor = await actors.RequireAsync(cancellationToken);
            var end = UnitSubtree.End(actor.UnitPath);
            var held = await db.Recognitions
                .Where(r => r.UnitPath.CompareTo(actor.UnitPath) >= 0 && r.UnitPath.CompareTo(end) < 0
                    && r.RevokedByDossierId == null && r.RevocationNumber == null)
                .Join(db.Units.Where(u => u.Kind == UnitKinds.Commune), r => r.UnitCode, u => u.Code, (r, _) => new { r.UnitPath, r.UnitCode, r.Level })
                .Distinct()
                .ToListAsync(cancellationToken);
            var byProvince = held
                .Select(h => (Province: AdministrativeUnit.ProvinceCodeOf(h.UnitPath), h.UnitCode, h.Level))
                .Where(h => h.Province is not null)
                .GroupBy(h => h.Province!)
                .ToList();
            var codes = byProvince.Select(g => g.Key).ToList();
            var names = await db.Units.Where(u => codes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Name, cancellationToken);
            return byProvince
                .Select(g => new ProvinceLevels(g.Key, names.GetValueOrDefault(g.Key, g.Key),
                    g.GroupBy(h => h.Level).ToDictionary(l => l.Key, l => l.Select(h => h.UnitCode).Distinct().Count())))
                .OrderBy(p => p.ProvinceName, StringComparer.Ordinal)
                .ToList();
        }
    }
}
