using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Engine;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Councils;

/// <summary>The province appraiser opens a session of the province's appraisal council: its date and members.</summary>
public static class OpenCouncilSession
{
    public sealed record Command(CouncilSessionBody Body) : IRequest<CouncilSessionView>, IAuthenticatedRequest, ICommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => this.ValidSession(c => c.Body);
    }

    internal sealed class Handler(AppDbContext db, CouncilSessions sessions, ICurrentActor actors) : IRequestHandler<Command, CouncilSessionView>
    {
        public async Task<CouncilSessionView> Handle(Command command, CancellationToken cancellationToken)
        {
            var actor = await actors.RequireAsync(cancellationToken);
            CouncilSessions.EnsureConvener(actor);
            var province = await db.Units.AsNoTracking().SingleAsync(u => u.Code == actor.UnitCode, cancellationToken);
            if (province.Kind != UnitKinds.Province)
            {
                throw ProblemException.Forbidden("Chỉ cán bộ thẩm định của một tỉnh được lập phiên họp hội đồng thẩm định của tỉnh.");
            }
            var session = new CouncilSession(province, command.Body.Details(), actor, sessions.Now);
            db.CouncilSessions.Add(session);
            await db.SaveChangesAsync(cancellationToken);
            return await sessions.ViewAsync(session, province, actor, cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/council-sessions", async (CouncilSessionBody body, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var session = await mediator.Send(new Command(body), cancellationToken);
                return TypedResults.Created($"/api/council-sessions/{session.Id}", session);
            })
            .WithTags("Councils")
            .WithSummary("Mở phiên họp Hội đồng thẩm định của tỉnh (ngày họp, thành viên)");
}
