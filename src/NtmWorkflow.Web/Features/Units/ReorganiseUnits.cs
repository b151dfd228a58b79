using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Features.Admin;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Units;

/// <summary>
/// The administrator records a reorganisation decided by a resolution: a unit merged into another of its tier, moved
/// under another parent, or dissolved. A move rewrites the path of the unit, of its subtree and of every dossier and
/// recognition in it, in the command's one transaction, so scopes follow at once. Each change is a unit_changes row.
/// </summary>
public static class ReorganiseUnits
{
    public sealed record Merge(string Code, string? Into, string? Resolution, DateOnly? ResolutionDate, DateOnly? EffectiveOn)
        : IRequest<ManageUnits.UnitView>, IAdministratorRequest, ICommand;

    public sealed record Move(string Code, string? ParentCode, string? Resolution, DateOnly? ResolutionDate, DateOnly? EffectiveOn)
        : IRequest<ManageUnits.UnitView>, IAdministratorRequest, ICommand;

    public sealed record Dissolve(string Code, string? Resolution, DateOnly? ResolutionDate, DateOnly? EffectiveOn)
        : IRequest<ManageUnits.UnitView>, IAdministratorRequest, ICommand;

    public sealed record MergeBody(string? Into, string? Resolution, DateOnly? ResolutionDate, DateOnly? EffectiveOn);

    public sealed record MoveBody(string? ParentCode, string? Resolution, DateOnly? ResolutionDate, DateOnly? EffectiveOn);

    public sealed record DissolveBody(string? Resolution, DateOnly? ResolutionDate, DateOnly? EffectiveOn);

    private const string ResolutionMessage = "Cần số nghị quyết (resolution), tối đa 256 ký tự.";
    private const string EffectiveMessage = "Cần ngày có hiệu lực (effectiveOn, dạng yyyy-MM-dd).";
    private const string CodeMessage = "Chọn đơn vị cần sắp xếp (code).";

    public sealed class MergeValidator : AbstractValidator<Merge>
    {
        public MergeValidator()
        {
            RuleFor(c => c.Code).NotEmpty().WithMessage(CodeMessage);
            RuleFor(c => c.Into).RequiredText(Limits.Code).WithMessage("Cần mã đơn vị sáp nhập vào (into).");
            RuleFor(c => c.Resolution).RequiredText(Limits.Name).WithMessage(ResolutionMessage);
            RuleFor(c => c.EffectiveOn).NotNull().WithMessage(EffectiveMessage);
        }
    }

    public sealed class MoveValidator : AbstractValidator<Move>
    {
        public MoveValidator()
        {
            RuleFor(c => c.Code).NotEmpty().WithMessage(CodeMessage);
            RuleFor(c => c.ParentCode).RequiredText(Limits.Code).WithMessage("Cần mã đơn vị cấp trên mới (parentCode).");
            RuleFor(c => c.Resolution).MaximumLength(Limits.Name).WithMessage(ResolutionMessage);
        }
    }

    public sealed class DissolveValidator : AbstractValidator<Dissolve>
    {
        public DissolveValidator()
        {
            RuleFor(c => c.Code).NotEmpty().WithMessage(CodeMessage);
            RuleFor(c => c.Resolution).RequiredText(Limits.Name).WithMessage(ResolutionMessage);
            RuleFor(c => c.EffectiveOn).NotNull().WithMessage(EffectiveMessage);
        }
    }

    internal sealed class Handler(AppDbContext db, ICurrentActor actors, UnitPaths unitPaths, TimeProvider clock)
        : IRequestHandler<Merge, ManageUnits.UnitView>, IRequestHandler<Move, ManageUnits.UnitView>, IRequestHandler<Dissolve, ManageUnits.UnitView>
    {
        public Task<ManageUnits.UnitView> Handle(Merge command, CancellationToken cancellationToken) =>
            ApplyAsync(UnitChangeKinds.Merge, command.Code, command.Into, "into", command.Resolution, command.ResolutionDate, command.EffectiveOn,
                cancellationToken);

        public Task<ManageUnits.UnitView> Handle(Move command, CancellationToken cancellationToken) =>
            ApplyAsync(UnitChangeKinds.Move, command.Code, command.ParentCode, "parentCode", command.Resolution, command.ResolutionDate,
                command.EffectiveOn, cancellationToken);

        public Task<ManageUnits.UnitView> Handle(Dissolve command, CancellationToken cancellationToken) =>
            ApplyAsync(UnitChangeKinds.Dissolve, command.Code, null, "", command.Resolution, command.ResolutionDate, command.EffectiveOn,
                cancellationToken);

        private async Task<ManageUnits.UnitView> ApplyAsync(
            string kind, string code, string? targetCode, string targetField, string? resolution, DateOnly? resolutionDate,
            DateOnly? effectiveOn, CancellationToken cancellationToken)
        {
            var actor = await actors.RequireAsync(cancellationToken);
            var unit = await db.Units.FirstOrDefaultAsync(u => u.Code == code, cancellationToken)
                ?? throw ProblemException.NotFound($"Không có đơn vị mã '{code}'.");
            var target = targetCode is null
                ? null
                : await db.Units.FirstOrDefaultAsync(u => u.Code == targetCode, cancellationToken)
                  ?? throw ProblemException.BadRequest(targetField, $"Không có đơn vị mã '{targetCode}'.");
            var subtree = kind == UnitChangeKinds.Move
                ? await db.Units.Where(u => u.Path.StartsWith(unit.Path)).ToListAsync(cancellationToken)
                : [];
            var basis = new UnitReorganiser.Basis(Clean(resolution), resolutionDate, effectiveOn, actor.UserName, clock.GetUtcNow().UtcDateTime);
            var (change, moved) = UnitReorganiser.Apply(kind, unit, target, subtree, basis);
            db.UnitChanges.Add(change);
            if (moved is var (from, to))
            {
                await db.MoveRecordsAsync(from, to, cancellationToken);
            }
            await db.SaveChangesAsync(cancellationToken);
            if (moved is not null)
            {
                unitPaths.Forget();
            }
            return ManageUnits.UnitView.From(unit);
        }

        private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/api/admin/units/{code}/merge", async (string code, MergeBody body, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Merge(code, body.Into, body.Resolution, body.ResolutionDate, body.EffectiveOn), cancellationToken)))
            .WithTags("Admin")
            .WithName("MergeUnit")
            .WithSummary("Sáp nhập đơn vị vào một đơn vị cùng cấp (đơn vị bị sáp nhập giải thể, giữ lịch sử)");
        api.MapPost("/api/admin/units/{code}/move", async (string code, MoveBody body, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Move(code, body.ParentCode, body.Resolution, body.ResolutionDate, body.EffectiveOn), cancellationToken)))
            .WithTags("Admin")
            .WithName("MoveUnit")
            .WithSummary("Chuyển đơn vị (cùng các đơn vị, hồ sơ và quyết định công nhận trực thuộc) sang đơn vị cấp trên khác");
        api.MapPost("/api/admin/units/{code}/dissolve", async (string code, DissolveBody body, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Dissolve(code, body.Resolution, body.ResolutionDate, body.EffectiveOn), cancellationToken)))
            .WithTags("Admin")
            .WithName("DissolveUnit")
            .WithSummary("Giải thể đơn vị (giữ lịch sử)");
    }
}
