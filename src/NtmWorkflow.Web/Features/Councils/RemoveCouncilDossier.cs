using FluentValidation;
using MediatR;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Councils;

/// <summary>Takes a dossier out of an open session, with its recorded vote; the dossier itself is untouched.</summary>
public static class RemoveCouncilDossier
{
    public sealed record Command(Guid SessionId, Guid DossierId, int? ExpectedVersion) : IRequest<CouncilSessionView>, IAuthenticatedRequest, ICommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => this.ValidVersion(c => c.ExpectedVersion);
    }

    internal sealed class Handler(CouncilSessions sessions) : IRequestHandler<Command, CouncilSessionView>
    {
        public Task<CouncilSessionView> Handle(Command command, CancellationToken cancellationToken) =>
            sessions.ChangeAsync(command.SessionId, command.ExpectedVersion!.Value, (session, _, actor) =>
            {
                session.Drop(command.DossierId, actor, sessions.Now);
                return Task.CompletedTask;
            }, cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapDelete("/api/council-sessions/{id:guid}/dossiers/{dossierId:guid}",
                async (Guid id, Guid dossierId, int? expectedVersion, IMediator mediator, CancellationToken cancellationToken) =>
                    TypedResults.Ok(await mediator.Send(new Command(id, dossierId, expectedVersion), cancellationToken)))
            .WithTags("Councils")
            .WithSummary("Bỏ một hồ sơ khỏi phiên họp đang mở (?expectedVersion=phiên bản của phiên họp)");
}
