using FluentValidation;
using MediatR;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Councils;

/// <summary>Corrects an open session's number, title, date or members; members recorded present stay present.</summary>
public static class EditCouncilSession
{
    public sealed record Command(Guid SessionId, CouncilSessionBody Body) : IRequest<CouncilSessionView>, IAuthenticatedRequest, ICommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            this.ValidVersion(c => c.Body.ExpectedVersion);
            this.ValidSession(c => c.Body);
        }
    }

    internal sealed class Handler(CouncilSessions sessions) : IRequestHandler<Command, CouncilSessionView>
    {
        public Task<CouncilSessionView> Handle(Command command, CancellationToken cancellationToken) =>
            sessions.ChangeAsync(command.SessionId, command.Body.ExpectedVersion!.Value, (session, _, actor) =>
            {
                session.Edit(command.Body.Details(), actor, sessions.Now);
                return Task.CompletedTask;
            }, cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPut("/api/council-sessions/{id:guid}", async (Guid id, CouncilSessionBody body, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Command(id, body), cancellationToken)))
            .WithTags("Councils")
            .WithSummary("Sửa tên, số, ngày họp hoặc thành viên của phiên họp đang mở");
}
