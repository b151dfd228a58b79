using NtmWorkflow.Engine;
using NtmWorkflow.Web.Domain;

namespace NtmWorkflow.Web.Features.Programme;

/// <summary>An annual plan as the API shows it, with whether it is achieved and what the caller may do with it.</summary>
/// <param name="Achieved">A standing recognition of the commune at the level for the plan's year exists.</param>
public sealed record PlanView(
    Guid Id,
    string UnitCode,
    string UnitName,
    int Year,
    string Level,
    string LevelName,
    string Status,
    string? Note,
    string ProposedBy,
    DateTime ProposedAt,
    string? DecidedBy,
    DateTime? DecidedAt,
    int Version,
    bool Achieved,
    bool CanConfirm,
    bool CanWithdraw)
{
    public static PlanView Of(AnnualPlan plan, string unitName, bool achieved, Actor actor) => new(
        plan.Id, plan.UnitCode, unitName, plan.Year, plan.Level, Levels.VietnameseName(plan.Level), plan.Status, plan.Note,
        plan.ProposedBy, plan.ProposedAt, plan.DecidedBy, plan.DecidedAt, plan.Version, achieved,
        plan.Status == AnnualPlan.Proposed && actor.IsProvince(),
        MayWithdraw(plan, actor));

    /// <summary>The province withdraws any plan still standing; the commune withdraws its own proposal until it is confirmed.</summary>
    public static bool MayWithdraw(AnnualPlan plan, Actor actor) =>
        plan.Status != AnnualPlan.Withdrawn
        && (actor.IsProvince() || (plan.Status == AnnualPlan.Proposed && actor.IsRecorder() && actor.UnitCode == plan.UnitCode));
}
