using FluentValidation;
using MediatR;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Councils;

/// <summary>Records which members came to the meeting, by name; the others are absent.</summary>
public static class RecordAttendance
{
    public sealed record Body(int? ExpectedVersion, IReadOnlyList<string?>? Present);

    public sealed record Command(Guid SessionId, Body Body) : IRequest<CouncilSessionView>, IAuthenticatedRequest, ICommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            this.ValidVersion(c => c.Body.ExpectedVersion);
            RuleFor(c => c.Body.Present).Must(p => p is { Count: <= CouncilSession.MaxMembers } && p.All(n => !string.IsNullOrWhiteSpace(n) && n.Length <= Limits.Name))
                .OverridePropertyName("present")
                .WithMessage($"Cần danh sách họ tên thành viên có mặt (present: [\"…\"]), tối đa {CouncilSession.MaxMembers} tên, mỗi tên tối đa {Limits.Name} ký tự.");
            RuleFor(c => c.Body.Present).Must(p => CouncilSessionRules.Duplicates(p).Count == 0).OverridePropertyName("present")
                .WithMessage(c => $"Tên thành viên có mặt bị trùng: {string.Join(", ", CouncilSessionRules.Duplicates(c.Body.Present))}.");
        }
    }

    internal sealed class Handler(CouncilSessions sessions) : IRequestHandler<Command, CouncilSessionView>
    {
        public Task<CouncilSessionView> Handle(Command command, CancellationToken cancellationToken) =>
            sessions.ChangeAsync(command.SessionId, command.Body.ExpectedVersion!.Value, (session, _, actor) =>
            {
                session.RecordAttendance(command.Body.Present!.Select(n => n!).ToList(), actor, sessions.Now);
                return Task.CompletedTask;
            }, cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPut("/api/council-sessions/{id:guid}/attendance", async (Guid id, Body body, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Command(id, body), cancellationToken)))
            .WithTags("Councils")
            .WithSummary("Ghi danh sách thành viên hội đồng có mặt");
}
