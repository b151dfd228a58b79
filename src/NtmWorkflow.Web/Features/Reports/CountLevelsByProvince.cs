using MediatR;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Engine.Calendar;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Reports;

/// <summary>
/// How many communes under the caller's unit hold each level today, by province, for the home page: the rule of the
/// reports (<see cref="CommuneHoldings"/>), so each province's row reads as its report of this year does.
/// </summary>
public static class CountLevelsByProvince
{
    public sealed record Query : IRequest<IReadOnlyList<ProvinceLevels>>, IAuthenticatedRequest;

    /// <summary>A province and, per level held by at least one commune in scope, how many communes hold it.</summary>
    public sealed record ProvinceLevels(string ProvinceCode, string ProvinceName, IReadOnlyDictionary<string, int> Communes);

    internal sealed class Handler(AppDbContext db, ICurrentActor actors, TimeProvider clock) : IRequestHandler<Query, IReadOnlyList<ProvinceLevels>>
    {
        public async Task<IReadOnlyList<ProvinceLevels>> Handle(Query query, CancellationToken cancellationToken)
        {
            var actor = await actors.RequireAsync(cancellationToken);
            var today = WorkingCalendar.ToVietnamDate(clock.GetUtcNow().UtcDateTime);
            var byProvince = (await CommuneHoldings.LoadAsync(db, actor.UnitPath, today.Year, today, cancellationToken))
                .Where(c => c.Held.Count > 0)
                .Select(c => (Province: AdministrativeUnit.ProvinceCodeOf(c.Path), c.Held))
                .Where(c => c.Province is not null)
                .GroupBy(c => c.Province!)
                .ToList();
            var codes = byProvince.Select(g => g.Key).ToList();
            var names = await db.Units.Where(u => codes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Name, cancellationToken);
            return byProvince
                .Select(g => new ProvinceLevels(g.Key, names.GetValueOrDefault(g.Key, g.Key),
                    g.SelectMany(c => c.Held).GroupBy(level => level).ToDictionary(l => l.Key, l => l.Count())))
                .OrderBy(p => p.ProvinceName, StringComparer.Ordinal)
                .ToList();
        }
    }
}
