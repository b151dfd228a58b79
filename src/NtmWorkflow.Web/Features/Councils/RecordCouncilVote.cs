using FluentValidation;
using MediatR;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Features.Dossiers;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Councils;

/// <summary>
/// Records the council's vote on one of its dossiers, against the dossier as the caller saw it (dossierVersion): the
/// session concludes only dossiers unchanged since.
/// </summary>
public static class RecordCouncilVote
{
    public sealed record Body(int? ExpectedVersion, int? DossierVersion, int? Agree, int? Against, int? Abstain, string? Note);

    public sealed record Command(Guid SessionId, Guid DossierId, Body Body) : IRequest<CouncilSessionView>, IAuthenticatedRequest, ICommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            this.ValidVersion(c => c.Body.ExpectedVersion);
            RuleFor(c => c.Body.DossierVersion).NotNull().OverridePropertyName("dossierVersion")
                .WithMessage("Cần phiên bản hồ sơ đang xem (dossierVersion).");
            RuleFor(c => c.Body.Agree).NotNull().InclusiveBetween(0, CouncilSession.MaxMembers).OverridePropertyName("agree")
                .WithMessage($"Cần số thành viên đồng ý (agree), từ 0 đến {CouncilSession.MaxMembers}.");
            RuleFor(c => c.Body.Against).InclusiveBetween(0, CouncilSession.MaxMembers).OverridePropertyName("against")
                .WithMessage($"Số thành viên không đồng ý (against) từ 0 đến {CouncilSession.MaxMembers}.");
            RuleFor(c => c.Body.Abstain).InclusiveBetween(0, CouncilSession.MaxMembers).OverridePropertyName("abstain")
                .WithMessage($"Số thành viên không biểu quyết (abstain) từ 0 đến {CouncilSession.MaxMembers}.");
            RuleFor(c => c.Body.Note).MaximumLength(Limits.Text).OverridePropertyName("note")
                .WithMessage($"Ghi chú dài tối đa {Limits.Text} ký tự.");
        }
    }

    internal sealed class Handler(CouncilSessions sessions, DossierLookup dossiers) : IRequestHandler<Command, CouncilSessionView>
    {
        public Task<CouncilSessionView> Handle(Command command, CancellationToken cancellationToken) =>
            sessions.ChangeAsync(command.SessionId, command.Body.ExpectedVersion!.Value,
                (session, _, actor) => RecordAsync(session, command.DossierId, command.Body, actor, cancellationToken), cancellationToken);

        private async Task RecordAsync(CouncilSession session, Guid dossierId, Body body, Actor actor, CancellationToken cancellationToken)
        {
            session.Entry(dossierId);
            var (dossier, definition, _) = await dossiers.LoadAsync(dossierId, forUpdate: false, cancellationToken);
            if (CouncilSessions.CouncilStageOf(dossier, definition) is null)
            {
                throw ProblemException.Conflict($"Hồ sơ đang ở '{definition.TitleOf(dossier.Stage)}', không còn chờ Hội đồng thẩm định; hãy bỏ hồ sơ khỏi phiên họp.");
            }
            dossier.EnsureVersion(body.DossierVersion!.Value);
            session.RecordVote(dossierId, dossier.Version, new CouncilBallot(body.Agree!.Value, body.Against, body.Abstain, body.Note), actor, sessions.Now);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPut("/api/council-sessions/{id:guid}/dossiers/{dossierId:guid}/vote",
                async (Guid id, Guid dossierId, Body body, IMediator mediator, CancellationToken cancellationToken) =>
                    TypedResults.Ok(await mediator.Send(new Command(id, dossierId, body), cancellationToken)))
            .WithTags("Councils")
            .WithSummary("Ghi kết quả biểu quyết của hội đồng về một hồ sơ của phiên họp");
}
