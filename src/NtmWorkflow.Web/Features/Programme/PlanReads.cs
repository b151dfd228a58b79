using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Programme;

/// <summary>What the plan slices read of one plan: the plan itself, and its view with the commune's name and whether it is achieved.</summary>
internal static class PlanReads
{
    /// <summary>The plan, tracked for a change; the request's authorization has found it in the caller's scope.</summary>
    /// <exception cref="ProblemException">409 when <paramref name="expectedVersion"/> is not the plan's version.</exception>
    public static async Task<AnnualPlan> LoadAsync(AppDbContext db, Guid id, int? expectedVersion, CancellationToken cancellationToken)
    {
        var plan = await db.AnnualPlans.SingleAsync(p => p.Id == id, cancellationToken);
        if (expectedVersion is { } expected && expected != plan.Version)
        {
            throw ProblemException.Conflict(
                $"Kế hoạch đã thay đổi (phiên bản {plan.Version}, bạn gửi {expected}): tải lại trang rồi thực hiện lại.");
        }
        return plan;
    }

    public static async Task<PlanView> ViewAsync(AppDbContext db, AnnualPlan plan, Actor actor, CancellationToken cancellationToken)
    {
        var unitName = await db.Units.Where(u => u.Code == plan.UnitCode).Select(u => u.Name).SingleAsync(cancellationToken);
        var achieved = await db.AnnualPlans.Where(p => p.Id == plan.Id).Achieved(db).AnyAsync(cancellationToken);
        return PlanView.Of(plan, unitName, achieved, actor);
    }
}
