using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Engine;
using NtmWorkflow.Engine.Calendar;
using NtmWorkflow.Engine.Definitions;
using NtmWorkflow.Engine.Periods;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Features.Units;
using NtmWorkflow.Web.Infrastructure;
using NtmWorkflow.Web.Notifications;
using NtmWorkflow.Web.Workflows;

namespace NtmWorkflow.Web.Features.Dossiers;

/// <summary>A commune officer opens a recognition dossier for their commune, at a level, for a year.</summary>
public static class CreateDossier
{
    public sealed record Command(string? UnitCode, string? Level, int? Year, string? Workflow)
        : IRequest<DossierView>, IAuthenticatedRequest, ICommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.UnitCode).NotEmpty().WithMessage("Cần mã đơn vị (unitCode).")
                .MaximumLength(Limits.Code).WithMessage($"Mã đơn vị dài tối đa {Limits.Code} ký tự.");
            RuleFor(c => c.Level).NotEmpty().WithMessage("Cần mức công nhận (level).")
                .Must(l => l is null || Levels.IsKnown(l))
                .WithMessage(c => $"Mức công nhận '{c.Level}' không tồn tại; dùng {string.Join(", ", Levels.All)}.");
            // Which years are accepted is the periods file's: a year no period covers is refused by DossierPeriod.
            RuleFor(c => c.Year).NotNull().WithMessage("Cần năm xét công nhận (year).");
            RuleFor(c => c.Workflow).MaximumLength(Limits.Code).WithMessage($"Mã quy trình dài tối đa {Limits.Code} ký tự.");
        }
    }

    internal sealed class Handler(
        AppDbContext db, ICurrentActor actors, PeriodCatalog periods, DefinitionRegistry definitions, CriteriaRegistry criteria,
        CommuneGroups groups, Notifier notifier, WorkingCalendar calendar, TimeProvider clock)
        : IRequestHandler<Command, DossierView>
    {
        public async Task<DossierView> Handle(Command command, CancellationToken cancellationToken)
        {
            var actor = await actors.RequireAsync(cancellationToken);
            var unit = await db.Units.RequireAsync(command.UnitCode, cancellationToken);
            var level = command.Level!;
            var chosen = DossierPeriod.Choose(periods, definitions, unit, level, command.Year!.Value, command.Workflow);
            var definition = chosen.Definition;
            var now = clock.GetUtcNow().UtcDateTime;
            var dossier = Dossier.Open(unit, level, command.Year!.Value, definition, criteria.Current, actor, now, calendar);
            await EnsureCanStart(unit, level, chosen, cancellationToken);
            var set = criteria.Current(dossier.CriteriaSetId);
            if (set.NeedsGroup)
            {
                await groups.RequiredAsync(unit, set, cancellationToken);
            }
            db.Dossiers.Add(dossier);
            await notifier.NotifyMoveAsync(dossier, definition, unit.Name, "Lập hồ sơ", actor, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return DossierView.From(dossier, unit.Name, definition, set.Criteria, new HashSet<string>(),
                DeadlineStatus.For(dossier, definition, now, calendar), actor);
        }

        /// <summary>
        /// One open procedure per unit and level; a recognition needs the level below (in the same period when the
        /// period says so) and not this one already; a revocation needs the recognition it would revoke.
        /// </summary>
        private async Task EnsureCanStart(AdministrativeUnit unit, string level, DossierPeriod chosen, CancellationToken cancellationToken)
        {
            if (await db.Dossiers.AnyAsync(
                    d => d.UnitCode == unit.Code && d.Level == level && d.Status == DossierStatuses.InProgress, cancellationToken))
            {
                throw ProblemException.Conflict($"{unit.Name} đang có hồ sơ {Levels.VietnameseName(level)} chưa kết thúc.");
            }
            var held = await db.Recognitions.AsNoTracking()
                .Where(r => r.UnitCode == unit.Code).Where(Recognition.Standing)
                .Select(r => new { r.Level, r.Year, r.DecisionNumber, r.DecisionDate })
                .ToListAsync(cancellationToken);
            if (chosen.Definition.Purpose == Purposes.Revocation)
            {
                if (held.All(r => r.Level != level))
                {
                    throw ProblemException.Conflict($"{unit.Name} không đang giữ công nhận {Levels.VietnameseName(level)} nên không có gì để thu hồi.");
                }
                return;
            }
            if (held.FirstOrDefault(r => r.Level == level) is { } recognised)
            {
                var decision = recognised.DecisionNumber is { } number
                    ? $" theo Quyết định số {number}{(recognised.DecisionDate is { } date ? $" ngày {date:dd/MM/yyyy}" : "")}"
                    : "";
                throw ProblemException.Conflict(
                    $"{unit.Name} đã được công nhận {Levels.VietnameseName(level)}{(recognised.Year is { } year ? $" năm {year}" : "")}{decision}; " +
                    "chỉ lập được hồ sơ mới cho mức này khi công nhận đó đã bị thu hồi.");
            }
            if (Levels.Prerequisite(level) is { } prerequisite && held.All(r => r.Level != prerequisite))
            {
                throw ProblemException.Conflict(
                    $"{unit.Name} chưa được công nhận {Levels.VietnameseName(prerequisite)} nên chưa thể đề nghị xét {Levels.VietnameseName(level)}.");
            }
            if (chosen.Level?.RequiresInPeriod is { } required && !held.Any(r => chosen.HeldInPeriod(required, r.Level, r.Year)))
            {
                throw ProblemException.Conflict(
                    $"{unit.Name} phải được công nhận {Levels.VietnameseName(required)} {chosen.Period.Title} trước khi đề nghị xét {Levels.VietnameseName(level)}.");
            }
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/dossiers", async (Command command, IMediator mediator, CancellationToken cancellationToken) =>
        {
            var dossier = await mediator.Send(command, cancellationToken);
            return TypedResults.Created($"/api/dossiers/{dossier.Id}", dossier);
        })
        .WithTags("Dossiers")
        .WithSummary("Lập hồ sơ đề nghị xét công nhận");
}
