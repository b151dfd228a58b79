using MediatR;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Programme;

/// <summary>A plan is withdrawn: by the province at any time, or by the commune that proposed it while it waits for confirmation.</summary>
public static class WithdrawPlan
{
    public sealed record Command(Guid PlanId, ConfirmPlan.Body? Body) : IRequest<PlanView>, IPlanRequest, ICommand;

    internal sealed class Handler(AppDbContext db, ICurrentActor actors, TimeProvider clock) : IRequestHandler<Command, PlanView>
    {
        public async Task<PlanView> Handle(Command command, CancellationToken cancellationToken)
        {
            var actor = await actors.RequireAsync(cancellationToken);
            var plan = await PlanReads.LoadAsync(db, command.PlanId, command.Body?.ExpectedVersion, cancellationToken);
            if (plan.Status == AnnualPlan.Withdrawn)
            {
                throw ProblemException.Conflict("Kế hoạch đã được rút.");
            }
            var ownCommune = actor.IsRecorder() && actor.UnitCode == plan.UnitCode;
            if (!actor.IsProvince() && !ownCommune)
            {
                throw ProblemException.Forbidden("Chỉ cán bộ thẩm định, lãnh đạo UBND tỉnh, hoặc cán bộ của chính xã (khi chưa xác nhận) rút được kế hoạch.");
            }
            if (!PlanView.MayWithdraw(plan, actor))
            {
                throw ProblemException.Conflict("Kế hoạch đã được tỉnh xác nhận: chỉ tỉnh rút được.");
            }
            plan.Withdraw(actor.UserName, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            return await PlanReads.ViewAsync(db, plan, actor, cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/api/plans/{id:guid}/withdraw", async (Guid id, ConfirmPlan.Body? body, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Command(id, body), cancellationToken)))
            .WithTags("Programme")
            .WithSummary("Rút kế hoạch năm");
}
