using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Engine;
using NtmWorkflow.Engine.Periods;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Features.Dossiers;
using NtmWorkflow.Web.Infrastructure;
using NtmWorkflow.Web.Workflows;

namespace NtmWorkflow.Web.Features.Programme;

/// <summary>
/// A commune is planned to reach a level in a year: registered by a province official (confirmed at once) or proposed
/// by the commune officer for their own commune (confirmed later by the province).
/// </summary>
public static class CreatePlan
{
    public sealed record Command(string? UnitCode, int? Year, string? Level, string? Note) : IRequest<PlanView>, IAuthenticatedRequest, ICommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.UnitCode).NotEmpty().WithMessage("Cần mã xã (unitCode).")
                .MaximumLength(Limits.Code).WithMessage($"Mã đơn vị dài tối đa {Limits.Code} ký tự.");
            RuleFor(c => c.Year).NotNull().WithMessage("Cần năm kế hoạch (year).");
            RuleFor(c => c.Level).NotEmpty().WithMessage("Cần mức phấn đấu đạt (level).")
                .Must(l => l is null || Levels.IsKnown(l))
                .WithMessage(c => $"Mức công nhận '{c.Level}' không tồn tại; dùng {string.Join(", ", Levels.All)}.");
            RuleFor(c => c.Note).MaximumLength(Limits.Text).WithMessage($"Ghi chú dài tối đa {Limits.Text} ký tự.");
        }
    }

    internal sealed class Handler(
        AppDbContext db, PeriodCatalog periods, DefinitionRegistry definitions, CriterionStatusLog log, ICurrentActor actors, TimeProvider clock)
        : IRequestHandler<Command, PlanView>
    {
        public async Task<PlanView> Handle(Command command, CancellationToken cancellationToken)
        {
            var actor = await actors.RequireAsync(cancellationToken);
            if (!actor.IsProvince() && !actor.IsRecorder())
            {
                throw ProblemException.Forbidden("Chỉ cán bộ xã (đề xuất cho xã mình) hoặc cán bộ thẩm định, lãnh đạo UBND tỉnh (đăng ký) ghi kế hoạch.");
            }
            var unit = await db.Units.AsNoTracking().RequireAsync(command.UnitCode, cancellationToken);
            if (!actor.CanSee(unit.Path) || (!actor.IsProvince() && actor.UnitCode != unit.Code))
            {
                throw ProblemException.Forbidden("Xã này không thuộc phạm vi đơn vị của bạn.");
            }
            var (year, level) = (command.Year!.Value, command.Level!);
            if (UnitKinds.Normalize(unit.Kind) != UnitKinds.Commune || unit.DissolvedOn?.Year < year)
            {
                throw ProblemException.Conflict(
                    $"'{unit.Name}' (cấp {UnitKinds.VietnameseName(unit.Kind)}{(unit.DissolvedOn is { } ended ? $", đã kết thúc ngày {ended:dd/MM/yyyy}" : "")}) " +
                    $"không phải xã đang tồn tại trong năm {year}: kế hoạch chỉ ghi cho xã.");
            }
            // The period of the year must still take dossiers at the level, or the plan could never be achieved.
            DossierPeriod.Choose(periods, definitions, unit, level, year, null);
            await log.QueueForCommuneAsync(unit.Code, cancellationToken);
            if (await db.AnnualPlans.AnyAsync(
                    p => p.UnitCode == unit.Code && p.Year == year && p.Level == level && p.Status != AnnualPlan.Withdrawn, cancellationToken))
            {
                throw ProblemException.Conflict($"{unit.Name} đã có kế hoạch đạt {Levels.VietnameseName(level)} năm {year} (chưa rút).");
            }
            var plan = new AnnualPlan(unit, year, level, command.Note, actor.UserName, clock.GetUtcNow().UtcDateTime, confirmed: actor.IsProvince());
            db.AnnualPlans.Add(plan);
            await db.SaveChangesAsync(cancellationToken);
            return await PlanReads.ViewAsync(db, plan, actor, cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/api/plans", async (Command command, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var plan = await mediator.Send(command, cancellationToken);
                return TypedResults.Created($"/api/plans/{plan.Id}", plan);
            })
            .WithTags("Programme")
            .WithSummary("Đăng ký (tỉnh) hoặc đề xuất (xã) kế hoạch một xã đạt một mức trong năm");
}
