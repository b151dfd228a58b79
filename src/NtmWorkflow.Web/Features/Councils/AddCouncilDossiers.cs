using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Features.Dossiers;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Councils;

/// <summary>
/// Adds the dossiers the session considers: each of the session's province, waiting at a council stage of its own
/// definition, in no other open session, at the version the caller saw. All are added or none.
/// </summary>
public static class AddCouncilDossiers
{
    public const int MaxPerRequest = 100;

    public sealed record Body(int? ExpectedVersion, IReadOnlyList<DossierRef?>? Dossiers);

    /// <summary>A dossier by id, at the version the caller saw.</summary>
    public sealed record DossierRef(Guid? Id, int? Version);

    public sealed record Command(Guid SessionId, Body Body) : IRequest<CouncilSessionView>, IAuthenticatedRequest, ICommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            this.ValidVersion(c => c.Body.ExpectedVersion);
            RuleFor(c => c.Body.Dossiers).Must(d => d is { Count: >= 1 and <= MaxPerRequest } && d.All(r => r is { Id: not null, Version: not null }))
                .OverridePropertyName("dossiers")
                .WithMessage($"Cần từ 1 đến {MaxPerRequest} hồ sơ, mỗi hồ sơ có id và phiên bản đang xem (dossiers: [{{ id, version }}]).");
            RuleFor(c => c.Body.Dossiers).Must(d => d is null || d.Select(r => r?.Id).Distinct().Count() == d.Count)
                .OverridePropertyName("dossiers").WithMessage("Một hồ sơ được nêu nhiều lần.");
        }
    }

    internal sealed class Handler(AppDbContext db, CouncilSessions sessions, DossierLookup dossiers) : IRequestHandler<Command, CouncilSessionView>
    {
        public Task<CouncilSessionView> Handle(Command command, CancellationToken cancellationToken) =>
            sessions.ChangeAsync(command.SessionId, command.Body.ExpectedVersion!.Value,
                (session, province, actor) => AddAsync(session, province, command.Body.Dossiers!, actor, cancellationToken), cancellationToken);

        private async Task AddAsync(
            CouncilSession session, AdministrativeUnit province, IReadOnlyList<DossierRef?> references, Actor actor, CancellationToken cancellationToken)
        {
            var offending = new List<OffendingDossier>();
            foreach (var (id, version) in references.Select(r => (r!.Id!.Value, r.Version!.Value)))
            {
                var found = await db.Dossiers.AnyAsync(d => d.Id == id && d.UnitPath.StartsWith(province.Path), cancellationToken);
                if (!found)
                {
                    offending.Add(new OffendingDossier(id, null, $"không có hồ sơ này trong {province.Name}"));
                    continue;
                }
                var (dossier, definition, unit) = await dossiers.LoadAsync(id, forUpdate: true, cancellationToken);
                var problem =
                    CouncilSessions.CouncilStageOf(dossier, definition) is null
                        ? $"đang ở '{definition.TitleOf(dossier.Stage)}', không chờ Hội đồng thẩm định"
                    : dossier.Version != version
                        ? $"đã được cập nhật (phiên bản hiện tại {dossier.Version}, bạn gửi {version}); hãy tải lại"
                    : session.Dossiers.Any(d => d.DossierId == id)
                        ? "đã có trong phiên họp này"
                    : await InOtherSessionAsync(id, cancellationToken) is { } other
                        ? $"đang được xét trong phiên họp khác chưa kết thúc: {other}"
                    : null;
                if (problem is null)
                {
                    session.Consider(dossier, actor, sessions.Now);
                }
                else
                {
                    offending.Add(new OffendingDossier(id, unit.Name, problem));
                }
            }
            if (offending.Count > 0)
            {
                throw CouncilRefusal.Of("Không thể thêm hồ sơ vào phiên họp", offending);
            }
        }

        private Task<string?> InOtherSessionAsync(Guid dossierId, CancellationToken cancellationToken) =>
            db.CouncilSessions.Where(s => s.Dossiers.Any(d => d.OpenDossierId == dossierId)).Select(s => s.Title).FirstOrDefaultAsync(cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/council-sessions/{id:guid}/dossiers", async (Guid id, Body body, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Command(id, body), cancellationToken)))
            .WithTags("Councils")
            .WithSummary("Thêm hồ sơ đang chờ Hội đồng thẩm định vào phiên họp");
}
