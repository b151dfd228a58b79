using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Admin;

/// <summary>
/// The administrative tree: listed for the administrator, a unit added under its parent, a unit renamed. Each change is
/// recorded in unit_changes. The units file (workflows/units/units.yaml) is read again at every start: it adds the
/// units it lists and a name it changed, never undoing an administrator's change (see UnitFileSync).
/// Merges, moves and dissolutions are in Features/Units/ReorganiseUnits.
/// </summary>
public static class ManageUnits
{
    /// <param name="OfficialCode">The official code (mã đơn vị hành chính), when known.</param>
    /// <param name="DissolvedOn">Null while the unit is in force; then <paramref name="SuccessorCode"/> names the unit it merged into, if any.</param>
    public sealed record UnitView(
        string Code, string Name, string Kind, string? ParentCode, string? Region, string? OfficialCode, DateOnly? ValidFrom,
        DateOnly? DissolvedOn, string? SuccessorCode, string? Resolution, DateOnly? ResolutionDate)
    {
        public static UnitView From(AdministrativeUnit unit) => new(unit.Code, unit.Name, unit.Kind, unit.ParentCode, unit.Region,
            unit.OfficialCode, unit.ValidFrom, unit.DissolvedOn, unit.SuccessorCode, unit.Resolution, unit.ResolutionDate);
    }

    public sealed record List(string? Q, string? ParentCode) : IRequest<IReadOnlyList<UnitView>>, IAdministratorRequest;

    public sealed record Create(string? Code, string? Name, string? Kind, string? ParentCode) : IRequest<UnitView>, IAdministratorRequest, ICommand;

    public sealed record Rename(string Code, string? Name) : IRequest<UnitView>, IAdministratorRequest, ICommand;

    public sealed record RenameBody(string? Name);

    public sealed class CreateValidator : AbstractValidator<Create>
    {
        public CreateValidator()
        {
            RuleFor(c => c.Code).Slug(Limits.Code, ".-")
                .WithMessage($"Mã đơn vị (code): chữ thường không dấu, chữ số, dấu chấm và gạch ngang, tối đa {Limits.Code} ký tự.");
            RuleFor(c => c.Name).RequiredText(Limits.Name).WithMessage($"Cần tên đơn vị (name), tối đa {Limits.Name} ký tự.");
            RuleFor(c => c.Kind).Must(k => UnitKinds.IsKnown(k) && k != UnitKinds.National)
                .WithMessage("Cấp đơn vị (kind) phải là province, district, xa (hoặc commune), phuong hoặc hamlet.");
            RuleFor(c => c.ParentCode).RequiredText(Limits.Code).WithMessage("Cần mã đơn vị cấp trên (parentCode).");
        }
    }

    public sealed class RenameValidator : AbstractValidator<Rename>
    {
        public RenameValidator() =>
            RuleFor(c => c.Name).RequiredText(Limits.Name).WithMessage($"Cần tên mới (name), tối đa {Limits.Name} ký tự.");
    }

    internal sealed class Handler(AppDbContext db, ICurrentActor actors, TimeProvider clock)
        : IRequestHandler<List, IReadOnlyList<UnitView>>, IRequestHandler<Create, UnitView>, IRequestHandler<Rename, UnitView>
    {
        public async Task<IReadOnlyList<UnitView>> Handle(List query, CancellationToken cancellationToken)
        {
            var words = string.IsNullOrWhiteSpace(query.Q) ? "" : TextSearch.Normalize(query.Q);
            var units = await db.Units.AsNoTracking()
                .Where(u => (words == "" || u.SearchName.Contains(words)) && (query.ParentCode == null || u.ParentCode == query.ParentCode))
                .OrderBy(u => u.Path)
                .Take(500)
                .ToListAsync(cancellationToken);
            return units.Select(UnitView.From).ToList();
        }

        public async Task<UnitView> Handle(Create command, CancellationToken cancellationToken)
        {
            var parent = await db.Units.FirstOrDefaultAsync(u => u.Code == command.ParentCode, cancellationToken)
                ?? throw ProblemException.BadRequest("parentCode", $"Không có đơn vị cấp trên mã '{command.ParentCode}'.");
            if (UnitKinds.Tier(command.Kind!) <= UnitKinds.Tier(parent.Kind))
            {
                throw ProblemException.BadRequest("kind",
                    $"Đơn vị cấp {UnitKinds.VietnameseName(command.Kind!)} không thể nằm dưới '{parent.Name}' (cấp {UnitKinds.VietnameseName(parent.Kind)}).");
            }
            parent.EnsureInForce("parentCode", "không thêm đơn vị mới dưới nó");
            if (await db.Units.AnyAsync(u => u.Code == command.Code, cancellationToken))
            {
                throw ProblemException.Conflict($"Mã đơn vị '{command.Code}' đã có.");
            }
            var unit = new AdministrativeUnit(command.Code!, command.Name!.Trim(), command.Kind!, parent);
            db.Units.Add(unit);
            db.UnitChanges.Add(new UnitChange(UnitChangeKinds.Create, unit, await ActorAsync(cancellationToken), clock.GetUtcNow().UtcDateTime)
            {
                NewName = unit.Name, ToParentCode = parent.Code,
            });
            await db.SaveChangesAsync(cancellationToken);
            return UnitView.From(unit);
        }

        public async Task<UnitView> Handle(Rename command, CancellationToken cancellationToken)
        {
            var unit = await db.Units.FirstOrDefaultAsync(u => u.Code == command.Code, cancellationToken)
                ?? throw ProblemException.NotFound($"Không có đơn vị mã '{command.Code}'.");
            db.UnitChanges.Add(new UnitChange(UnitChangeKinds.Rename, unit, await ActorAsync(cancellationToken), clock.GetUtcNow().UtcDateTime)
            {
                OldName = unit.Name, NewName = command.Name!.Trim(),
            });
            unit.Rename(command.Name!.Trim());
            await db.SaveChangesAsync(cancellationToken);
            return UnitView.From(unit);
        }

        private async Task<string> ActorAsync(CancellationToken cancellationToken) => (await actors.RequireAsync(cancellationToken)).UserName;
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/api/admin/units", async (string? q, string? parentCode, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new List(q, parentCode), cancellationToken)))
            .WithTags("Admin")
            .WithName("ListUnits")
            .WithSummary("Danh sách đơn vị hành chính");
        api.MapPost("/api/admin/units", async (Create body, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var unit = await mediator.Send(body, cancellationToken);
                return TypedResults.Created($"/api/admin/units/{unit.Code}", unit);
            })
            .WithTags("Admin")
            .WithName("CreateUnit")
            .WithSummary("Thêm đơn vị hành chính dưới một đơn vị cấp trên");
        api.MapPut("/api/admin/units/{code}", async (string code, RenameBody body, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Rename(code, body.Name), cancellationToken)))
            .WithTags("Admin")
            .WithName("RenameUnit")
            .WithSummary("Đổi tên đơn vị hành chính");
    }
}
