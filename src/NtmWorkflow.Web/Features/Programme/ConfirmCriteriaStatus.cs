using MediatR;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Programme;

/// <summary>
/// A province official confirms a commune's current criterion records for a year: the criteria named, or every current
/// record not yet confirmed. A record added later is unconfirmed again.
/// </summary>
public static class ConfirmCriteriaStatus
{
    /// <param name="Numbers">The criteria to confirm; none for every current record not yet confirmed.</param>
    public sealed record Body(IReadOnlyList<int>? Numbers);

    public sealed record Command(string UnitCode, int Year, Body? Body) : IRequest<GetCriteriaStatus.CriteriaStatusView>, IUnitRequest, ICommand
    {
        public IReadOnlyList<string> Roles => ProgrammeRoles.Province;
    }

    internal sealed class Handler(AppDbContext db, StatusYears years, CriterionStatusLog log, ICurrentActor actors, TimeProvider clock)
        : IRequestHandler<Command, GetCriteriaStatus.CriteriaStatusView>
    {
        public async Task<GetCriteriaStatus.CriteriaStatusView> Handle(Command command, CancellationToken cancellationToken)
        {
            var actor = await actors.RequireAsync(cancellationToken);
            var status = await years.ResolveAsync(command.UnitCode, command.Year, cancellationToken);
            var numbers = command.Body?.Numbers is { Count: > 0 } named ? named.Distinct().ToList() : null;
            if (numbers?.Where(n => status.Set.Criteria.All(c => c.Number != n)).Select(n => (int?)n).FirstOrDefault() is { } unknown)
            {
                throw ProblemException.BadRequest("numbers", $"Bộ tiêu chí '{status.Set.Title}' không có tiêu chí số {unknown}.");
            }
            await log.QueueForCommuneAsync(status.Unit.Code, cancellationToken);
            var current = await db.CriterionStatuses
                .Where(s => s.UnitCode == status.Unit.Code && s.Year == status.Year && s.IsCurrent && s.CriteriaSetId == status.Set.Id)
                .ToListAsync(cancellationToken);
            if (numbers?.Where(n => current.All(s => s.Number != n)).Select(n => (int?)n).FirstOrDefault() is { } missing)
            {
                throw ProblemException.Conflict($"Tiêu chí {missing} của {status.Unit.Name} chưa được ghi tình trạng năm {status.Year}, chưa có gì để xác nhận.");
            }
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var record in current.Where(s => !s.Confirmed && (numbers is null || numbers.Contains(s.Number))))
            {
                record.Confirm(actor.UserName, now);
            }
            await db.SaveChangesAsync(cancellationToken);
            await db.Database.CommitTransactionAsync(cancellationToken);
            return await GetCriteriaStatus.BuildAsync(db, years, status, actor, cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/api/communes/{code}/criteria-status/{year:int}/confirm",
                async (string code, int year, Body? body, IMediator mediator, CancellationToken cancellationToken) =>
                    TypedResults.Ok(await mediator.Send(new Command(code, year, body), cancellationToken)))
            .WithTags("Programme")
            .WithSummary("Tỉnh xác nhận tình trạng tiêu chí của xã trong năm: các tiêu chí nêu, hoặc mọi tiêu chí chưa xác nhận");
}
