using MediatR;
using NtmWorkflow.Engine;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Programme;

/// <summary>A province official confirms a commune's proposed plan.</summary>
public static class ConfirmPlan
{
    /// <param name="ExpectedVersion">The plan's version the caller saw; a stale one is refused (409).</param>
    public sealed record Body(int? ExpectedVersion);

    public sealed record Command(Guid PlanId, Body? Body) : IRequest<PlanView>, IPlanRequest, ICommand;

    internal sealed class Handler(AppDbContext db, ICurrentActor actors, TimeProvider clock) : IRequestHandler<Command, PlanView>
    {
        public async Task<PlanView> Handle(Command command, CancellationToken cancellationToken)
        {
            var actor = await actors.RequireAsync(cancellationToken);
            if (!actor.IsProvince())
            {
                throw ProblemException.Forbidden($"Chỉ {string.Join(" hoặc ", ProgrammeRoles.Province.Select(Roles.VietnameseName))} xác nhận kế hoạch.");
            }
            var plan = await PlanReads.LoadAsync(db, command.PlanId, command.Body?.ExpectedVersion, cancellationToken);
            if (plan.Status != AnnualPlan.Proposed)
            {
                throw ProblemException.Conflict(plan.Status == AnnualPlan.Confirmed ? "Kế hoạch đã được xác nhận." : "Kế hoạch đã được rút, không xác nhận được.");
            }
            plan.Confirm(actor.UserName, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            return await PlanReads.ViewAsync(db, plan, actor, cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/api/plans/{id:guid}/confirm", async (Guid id, Body? body, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Command(id, body), cancellationToken)))
            .WithTags("Programme")
            .WithSummary("Tỉnh xác nhận kế hoạch do xã đề xuất");
}
