using MediatR;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Engine;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Units;

/// <summary>A unit's commune group assignments, newest first, and the group in force today, for anyone who can see the unit.</summary>
public static class ListCommuneGroups
{
    public sealed record Query(string UnitCode) : IRequest<GroupsView>, IUnitRequest;

    /// <param name="Date">Today in Vietnam, the day <paramref name="Current"/> is in force on.</param>
    /// <param name="Assignable">Whether the unit is one that is placed in a group (a commune).</param>
    /// <param name="CanRecord">Whether the caller may record a new assignment for it.</param>
    public sealed record GroupsView(
        string UnitCode, string UnitName, string UnitKind, bool Assignable, bool CanRecord, DateOnly Date,
        CommuneGroupView? Current, IReadOnlyList<CommuneGroupView> History);

    /// <summary>Who records assignments: the province's appraiser or an administrator, each within their scope.</summary>
    public static readonly IReadOnlyList<string> Recorders = [Roles.ProvinceAppraiser, Roles.Administrator];

    internal sealed class Handler(AppDbContext db, CommuneGroups groups, ICurrentActor actors)
        : IRequestHandler<Query, GroupsView>
    {
        public async Task<GroupsView> Handle(Query query, CancellationToken cancellationToken)
        {
            var actor = await actors.RequireAsync(cancellationToken);
            var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Code == query.UnitCode, cancellationToken);
            var today = groups.Today;
            var history = await groups.ListAsync(unit.Code, cancellationToken);
            var current = history.FirstOrDefault(a => a.ValidFrom <= today);
            var assignable = CommuneGroups.Assignable(unit.Kind, unit.DissolvedOn);
            return new GroupsView(
                unit.Code, unit.Name, unit.Kind, assignable, assignable && Recorders.Any(actor.Roles.Contains), today,
                current is null ? null : groups.View(current),
                history.Select(groups.View).ToList());
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/api/units/{code}/groups", async (string code, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Query(code), cancellationToken)))
            .WithTags("Units")
            .WithSummary("Nhóm xã của một đơn vị: lịch sử xếp nhóm và nhóm đang áp dụng hôm nay");
}
