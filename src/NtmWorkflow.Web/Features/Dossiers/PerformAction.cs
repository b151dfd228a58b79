using FluentValidation;
using MediatR;
using NtmWorkflow.Engine.Transitions;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Dossiers;

/// <summary>Moves a dossier by one action of its definition: approve, return, reject, vote, decide, hold the ceremony.</summary>
public static class PerformAction
{
    public sealed record Body(int? ExpectedVersion, string? Comment, Vote? Vote, DecisionBody? Decision, CeremonyBody? Ceremony);

    public sealed record DecisionBody(string? Number, DateOnly? Date, string? Signer);

    public sealed record CeremonyBody(DateOnly? Date, string? Place);

    public sealed record Command(Guid DossierId, string Action, Body Body) : IRequest<DossierView>, IDossierRequest, ICommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Body.ExpectedVersion).NotNull().OverridePropertyName("expectedVersion")
                .WithMessage("Cần phiên bản hồ sơ đang xem (expectedVersion) để tránh ghi đè thay đổi của người khác.");
            RuleFor(c => c.Body.Comment).MaximumLength(Limits.Comment).OverridePropertyName("comment")
                .WithMessage($"Ý kiến dài tối đa {Limits.Comment} ký tự.");
            RuleFor(c => c.Body.Vote).Must(v => v is null || v.Problem() is null).OverridePropertyName("vote")
                .WithMessage(c => c.Body.Vote!.Problem()!);
            When(c => c.Body.Decision is not null, () =>
            {
                RuleFor(c => c.Body.Decision!.Number).RequiredText(Limits.Name).OverridePropertyName("decision.number")
                    .WithMessage($"Cần số quyết định (decision.number), tối đa {Limits.Name} ký tự.");
                RuleFor(c => c.Body.Decision!.Date).NotNull().OverridePropertyName("decision.date")
                    .WithMessage("Cần ngày ký quyết định (decision.date, dạng yyyy-MM-dd).");
                RuleFor(c => c.Body.Decision!.Signer).RequiredText(Limits.Name).OverridePropertyName("decision.signer")
                    .WithMessage($"Cần người ký quyết định (decision.signer), tối đa {Limits.Name} ký tự.");
            });
            When(c => c.Body.Ceremony is not null, () =>
            {
                RuleFor(c => c.Body.Ceremony!.Date).NotNull().OverridePropertyName("ceremony.date")
                    .WithMessage("Cần ngày tổ chức lễ công bố (ceremony.date, dạng yyyy-MM-dd).");
                RuleFor(c => c.Body.Ceremony!.Place).RequiredText(Limits.Text).OverridePropertyName("ceremony.place")
                    .WithMessage($"Cần địa điểm tổ chức lễ công bố (ceremony.place), tối đa {Limits.Text} ký tự.");
            });
        }
    }

    internal sealed class Handler(AppDbContext db, DossierLookup dossiers, DossierMover mover, ICurrentActor actors)
        : IRequestHandler<Command, DossierView>
    {
        public async Task<DossierView> Handle(Command command, CancellationToken cancellationToken)
        {
            var actor = await actors.RequireAsync(cancellationToken);
            var (dossier, definition, unit) = await dossiers.LoadAsync(command.DossierId, forUpdate: true, cancellationToken);
            var body = command.Body;
            var input = new ActionInput(
                body.Comment,
                body.Vote,
                body.Decision is { } d ? new Decision(d.Number!, d.Date!.Value, d.Signer!) : null,
                body.Ceremony is { } c ? new Ceremony(c.Date!.Value, c.Place!) : null);
            var state = await mover.MoveAsync(dossier, definition, unit, command.Action, input, actor, body.ExpectedVersion!.Value, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return dossiers.View(dossier, definition, unit, actor, state);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/dossiers/{id:guid}/actions/{action}",
                async (Guid id, string action, Body body, HttpContext http, IMediator mediator, CancellationToken cancellationToken) =>
                {
                    var view = await mediator.Send(new Command(id, action, body), cancellationToken);
                    return ReturnPreference.Answer(http, view, view.Version);
                })
            .HonoursReturnMinimal()
            .WithTags("Dossiers")
            .WithSummary("Thực hiện một thao tác của quy trình trên hồ sơ");
}
