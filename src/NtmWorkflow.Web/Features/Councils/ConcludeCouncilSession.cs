using System.Globalization;
using FluentValidation;
using MediatR;
using NtmWorkflow.Engine.Calendar;
using NtmWorkflow.Engine.Definitions;
using NtmWorkflow.Engine.Transitions;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Features.Documents;
using NtmWorkflow.Web.Features.Dossiers;
using NtmWorkflow.Web.Infrastructure;
using NtmWorkflow.Web.Storage;

namespace NtmWorkflow.Web.Features.Councils;

/// <summary>
/// Concludes a session in one transaction: every dossier gets the minutes as the paper its carrying action requires,
/// then moves by its vote as its own definition's rule reads it — the carrying action when quorum and threshold are
/// met, the other one with a comment saying why not — through the same path as a single action, so its gates and
/// version are still checked. A meeting without the quorum a dossier's rule asks could not vote on it: that dossier is
/// not moved (and gets no minutes) but waits at its council stage for another session, rather than being rejected for
/// the members' absence. Any dossier that cannot move is named in a 409 and nothing moves.
/// </summary>
public static class ConcludeCouncilSession
{
    public sealed record Body(int? ExpectedVersion);

    public sealed record Command(Guid SessionId, Body Body) : IRequest<CouncilSessionView>, IAuthenticatedRequest, ICommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => this.ValidVersion(c => c.Body.ExpectedVersion);
    }

    private sealed record Considered(CouncilSessionDossier Entry, Dossier Dossier, WorkflowDefinition Definition, AdministrativeUnit Unit, CouncilStage Council);

    internal sealed class Handler(AppDbContext db, CouncilSessions sessions, DossierLookup dossiers, DossierMover mover, DossierPapers papers)
        : IRequestHandler<Command, CouncilSessionView>
    {
        public Task<CouncilSessionView> Handle(Command command, CancellationToken cancellationToken) =>
            sessions.ChangeAsync(command.SessionId, command.Body.ExpectedVersion!.Value,
                (session, _, actor) => ConcludeAsync(session, actor, cancellationToken), cancellationToken);

        private async Task ConcludeAsync(CouncilSession session, Actor actor, CancellationToken cancellationToken)
        {
            session.EnsureReadyToConclude(sessions.Today);
            var (considered, offending) = await ReadAsync(session, cancellationToken);
            if (offending.Count == 0)
            {
                // The minutes, already in the store (no staged path left), are filed first and saved, so that each carrying
                // action's papers gate reads them inside this transaction.
                var minutes = new ReceivedPaper(session.MinutesFileName!, session.MinutesContentType!,
                    new StagedFile(Path: "", session.MinutesSha256!, session.MinutesSize!.Value));
                var voting = considered.ToLookup(c => c.Council.Rule.IsQuorate(session.VoteOf(c.Entry)));
                foreach (var c in voting[false])
                {
                    c.Entry.RecordNotQuorate();
                }
                considered = voting[true].ToList();
                foreach (var c in considered)
                {
                    await papers.AttachAsync(c.Dossier, c.Definition, c.Council.MinutesType, minutes, [], actor, cancellationToken);
                }
                await db.SaveChangesAsync(cancellationToken);
                foreach (var c in considered)
                {
                    await MoveAsync(session, c, actor, offending, cancellationToken);
                }
            }
            if (offending.Count > 0)
            {
                throw CouncilRefusal.Of("Không thể kết thúc phiên họp", offending);
            }
            session.Conclude(actor, sessions.Now);
        }

        /// <summary>Each dossier, locked; the ones that moved on, changed since their vote was recorded, or have no vote are offending.</summary>
        private async Task<(List<Considered>, List<OffendingDossier>)> ReadAsync(CouncilSession session, CancellationToken cancellationToken)
        {
            var considered = new List<Considered>();
            var offending = new List<OffendingDossier>();
            foreach (var entry in session.Dossiers.OrderBy(d => d.Ordinal))
            {
                var (dossier, definition, unit) = await dossiers.LoadAsync(entry.DossierId, forUpdate: true, cancellationToken);
                var council = CouncilSessions.CouncilStageOf(dossier, definition);
                var problem =
                    council is null ? $"đang ở '{definition.TitleOf(dossier.Stage)}', không còn chờ Hội đồng thẩm định"
                    : entry.Agree is null ? "chưa ghi kết quả biểu quyết"
                    : dossier.Version != entry.DossierVersion
                        ? $"đã thay đổi sau khi ghi kết quả biểu quyết (phiên bản {entry.DossierVersion}, nay là {dossier.Version}); hãy xem lại và ghi lại kết quả"
                    : null;
                if (problem is null)
                {
                    considered.Add(new Considered(entry, dossier, definition, unit, council!));
                }
                else
                {
                    offending.Add(new OffendingDossier(dossier.Id, unit.Name, problem));
                }
            }
            return (considered, offending);
        }

        private async Task MoveAsync(CouncilSession session, Considered c, Actor actor, List<OffendingDossier> offending, CancellationToken cancellationToken)
        {
            var vote = session.VoteOf(c.Entry);
            var action = c.Council.ActionFor(vote);
            var input = new ActionInput(Comment(session, c.Entry, c.Council.Rule, vote), vote, null, null);
            try
            {
                await mover.MoveAsync(c.Dossier, c.Definition, c.Unit, action.Name, input, actor, c.Dossier.Version, cancellationToken);
                c.Entry.RecordMove(action == c.Council.Carrying, action.Name, c.Dossier.Version);
            }
            catch (ProblemException e)
            {
                offending.Add(new OffendingDossier(c.Dossier.Id, c.Unit.Name, e.Message));
            }
        }
    }

    /// <summary>What the dossier's timeline says of the session: which meeting, the count, and the rule it met or missed.</summary>
    internal static string Comment(CouncilSession session, CouncilSessionDossier entry, VoteRule rule, Vote vote)
    {
        var said = $"Hội đồng thẩm định – {session.Label}: ";
        var percent = vote.Present == 0 ? 0 : Math.Round(vote.Agree * 100m / vote.Present, 1);
        said += rule.Carries(vote)
                ? $"{vote.Agree}/{vote.Present} thành viên có mặt đồng ý ({Percent(percent)}%; {vote.Present}/{vote.Members} thành viên có mặt), "
                  + $"đạt tỷ lệ {Wording(rule.Agree)} {rule.MinAgreePercent}%."
                : $"{vote.Agree}/{vote.Present} thành viên có mặt đồng ý ({Percent(percent)}%), "
                  + $"không đạt tỷ lệ {Wording(rule.Agree)} {rule.MinAgreePercent}% số thành viên có mặt.";
        return entry.Note is { } note ? $"{said} Ghi chú: {note}" : said;
    }

    private static string Percent(decimal value) => value.ToString("0.#", CultureInfo.GetCultureInfo("vi-VN"));

    private static string Wording(Comparison comparison) => comparison == Comparison.AtLeast ? "ít nhất" : "hơn";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/council-sessions/{id:guid}/conclude", async (Guid id, Body body, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Command(id, body), cancellationToken)))
            .WithTags("Councils")
            .WithSummary("Kết thúc phiên họp: mọi hồ sơ chuyển theo kết quả biểu quyết trong một giao dịch, hoặc không hồ sơ nào");
}
