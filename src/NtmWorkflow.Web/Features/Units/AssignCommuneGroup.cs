using FluentValidation;
using MediatR;
using NtmWorkflow.Engine.Calendar;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Units;

/// <summary>
/// The province records that a commune is in a commune group from a date, on a decision. Appended, never edited: a
/// correction is a new assignment, and the history shows both.
/// </summary>
public static class AssignCommuneGroup
{
    public sealed record Body(string? Group, string? DecisionNumber, DateOnly? DecisionDate, DateOnly? ValidFrom, string? Note);

    public sealed record Command(string UnitCode, Body Body) : IRequest<CommuneGroupView>, IUnitRequest, ICommand
    {
        public IReadOnlyList<string> Roles => ListCommuneGroups.Recorders;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(ICommuneGroupCodes codes, CommuneGroups groups)
        {
            RuleFor(c => c.Body.Group).Must(g => codes.Find(g) is not null).OverridePropertyName("group")
                .WithMessage($"Nhóm xã (group) phải là một trong: {string.Join(", ", codes.All.Select(g => $"{g.Code} ({g.Name})"))}.");
            RuleFor(c => c.Body.DecisionNumber).RequiredText(Limits.Name).OverridePropertyName("decisionNumber")
                .WithMessage($"Cần số văn bản quyết định xếp nhóm (decisionNumber), tối đa {Limits.Name} ký tự.");
            RuleFor(c => c.Body.DecisionDate).NotNull().OverridePropertyName("decisionDate")
                .WithMessage("Cần ngày ký văn bản quyết định (decisionDate, dạng yyyy-MM-dd).");
            RuleFor(c => c.Body.DecisionDate).Must(d => d is null || d <= groups.Today).OverridePropertyName("decisionDate")
                .WithMessage(c => $"Ngày ký văn bản ({DayText.Of(c.Body.DecisionDate!.Value)}) không được sau hôm nay ({DayText.Of(groups.Today)}).");
            RuleFor(c => c.Body.ValidFrom).NotNull().OverridePropertyName("validFrom")
                .WithMessage("Cần ngày bắt đầu áp dụng nhóm (validFrom, dạng yyyy-MM-dd).");
            RuleFor(c => c.Body.ValidFrom).Must((c, v) => v is null || c.Body.DecisionDate is null || v >= c.Body.DecisionDate)
                .OverridePropertyName("validFrom")
                .WithMessage(c => $"Ngày bắt đầu áp dụng ({DayText.Of(c.Body.ValidFrom!.Value)}) không được trước ngày ký văn bản ({DayText.Of(c.Body.DecisionDate!.Value)}).");
            RuleFor(c => c.Body.Note).MaximumLength(Limits.Comment).OverridePropertyName("note")
                .WithMessage($"Ghi chú dài tối đa {Limits.Comment} ký tự.");
        }
    }

    internal sealed class Handler(AppDbContext db, CommuneGroups groups, ICurrentActor actors, TimeProvider clock)
        : IRequestHandler<Command, CommuneGroupView>
    {
        public async Task<CommuneGroupView> Handle(Command command, CancellationToken cancellationToken)
        {
            var actor = await actors.RequireAsync(cancellationToken);
            var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Code == command.UnitCode, cancellationToken);
            if (unit.Kind != UnitKinds.Commune)
            {
                throw ProblemException.BadRequest("unitCode",
                    $"'{unit.Name}' (cấp {UnitKinds.VietnameseName(unit.Kind)}) không phải xã: chỉ xã mới được xếp nhóm.");
            }
            if (!CommuneGroups.Assignable(unit.Kind, unit.DissolvedOn))
            {
                throw ProblemException.Conflict(
                    $"'{unit.Name}' đã kết thúc ngày {unit.DissolvedOn:dd/MM/yyyy} (sáp nhập hoặc giải thể): không xếp nhóm xã cho đơn vị này.");
            }
            var body = command.Body;
            var number = body.DecisionNumber!.Trim();
            if (await db.CommuneGroups.AnyAsync(a => a.UnitCode == unit.Code && a.ValidFrom == body.ValidFrom && a.Group == body.Group
                    && a.DecisionNumber == number && a.DecisionDate == body.DecisionDate, cancellationToken))
            {
                throw ProblemException.Conflict(
                    $"'{unit.Name}' đã được ghi nhóm {body.Group} theo văn bản {number} từ ngày {DayText.Of(body.ValidFrom!.Value)}.");
            }
            var assignment = new CommuneGroupAssignment(unit.Code, body.Group!, number, body.DecisionDate!.Value, body.ValidFrom!.Value,
                body.Note, actor, clock.GetUtcNow().UtcDateTime);
            db.CommuneGroups.Add(assignment);
            await db.SaveChangesAsync(cancellationToken);
            return groups.View(assignment);
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/api/units/{code}/groups", async (string code, Body body, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var assignment = await mediator.Send(new Command(code, body), cancellationToken);
                return TypedResults.Created($"/api/units/{code}/groups", assignment);
            })
            .WithTags("Units")
            .WithSummary("Ghi nhóm xã của một xã từ một ngày, theo văn bản quyết định của tỉnh");
}
