using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Engine;
using NtmWorkflow.Engine.Calendar;
using NtmWorkflow.Engine.Definitions;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Features.Dossiers;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Councils;

/// <summary>
/// Loads a council session for the slices that read or change it, with the checks every one of them makes: the session
/// exists, lies in the caller's scope, and — to change it — the caller convenes councils and saw its current version.
/// </summary>
internal sealed class CouncilSessions(AppDbContext db, DossierLookup dossiers, ICurrentActor actors, TimeProvider clock)
{
    /// <summary>The role that convenes a province's appraisal council and takes its dossiers' council actions.</summary>
    public const string Convener = Roles.ProvinceAppraiser;

    public DateOnly Today => WorkingCalendar.ToVietnamDate(clock.GetUtcNow().UtcDateTime);

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The session, tracked, for a change by its convener: open, and at the version the caller saw.</summary>
    public async Task<(CouncilSession Session, AdministrativeUnit Province, Actor Actor)> ForChangeAsync(
        Guid id, int expectedVersion, CancellationToken cancellationToken)
    {
        var (session, province, actor) = await LoadAsync(id, tracked: true, cancellationToken);
        EnsureConvener(actor);
        session.EnsureEditable(expectedVersion);
        return (session, province, actor);
    }

    /// <summary>Loads the session for a change, makes it, saves it and answers the session as it is now.</summary>
    public async Task<CouncilSessionView> ChangeAsync(
        Guid id, int expectedVersion, Func<CouncilSession, AdministrativeUnit, Actor, Task> change, CancellationToken cancellationToken)
    {
        var (session, province, actor) = await ForChangeAsync(id, expectedVersion, cancellationToken);
        await change(session, province, actor);
        await db.SaveChangesAsync(cancellationToken);
        return await ViewAsync(session, province, actor, cancellationToken);
    }

    /// <summary>The session and its province; 404 when there is none, 403 when the province is outside the caller's scope.</summary>
    public async Task<(CouncilSession Session, AdministrativeUnit Province, Actor Actor)> LoadAsync(
        Guid id, bool tracked, CancellationToken cancellationToken)
    {
        var actor = await actors.RequireAsync(cancellationToken);
        var sessions = tracked ? db.CouncilSessions : db.CouncilSessions.AsNoTracking();
        var session = await sessions.Include(s => s.Members).Include(s => s.Dossiers).AsSplitQuery()
                .FirstOrDefaultAsync(s => s.Id == id, cancellationToken)
            ?? throw ProblemException.NotFound($"Không tìm thấy phiên họp hội đồng {id}.");
        var province = await db.Units.AsNoTracking().SingleAsync(u => u.Code == session.UnitCode, cancellationToken);
        return actor.CanSee(province.Path)
            ? (session, province, actor)
            : throw ProblemException.Forbidden("Phiên họp này không thuộc phạm vi đơn vị của bạn.");
    }

    public static void EnsureConvener(Actor actor)
    {
        if (!actor.Roles.Contains(Convener))
        {
            throw ProblemException.Forbidden($"Chỉ {Roles.VietnameseName(Convener)} được lập và ghi phiên họp hội đồng thẩm định.");
        }
    }

    /// <summary>The council stage the dossier stands at in its own definition, or null when it is not at one.</summary>
    public static CouncilStage? CouncilStageOf(Dossier dossier, WorkflowDefinition definition) =>
        CouncilStage.At(definition, dossier.Stage, Convener);

    /// <summary>The session as its page and the API show it, with each dossier's standing and rule read from its definition.</summary>
    public async Task<CouncilSessionView> ViewAsync(
        CouncilSession session, AdministrativeUnit province, Actor actor, CancellationToken cancellationToken)
    {
        var ids = session.Dossiers.Select(d => d.DossierId).ToList();
        var considered = await db.Dossiers.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancellationToken);
        var codes = considered.Values.Select(d => d.UnitCode).Distinct().ToList();
        var names = await db.Units.AsNoTracking().Where(u => codes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Name, cancellationToken);
        var rows = new List<SessionDossierView>();
        foreach (var entry in session.Dossiers.OrderBy(d => d.Ordinal))
        {
            var dossier = considered[entry.DossierId];
            var definition = await dossiers.DefinitionOfAsync(dossier, cancellationToken);
            rows.Add(SessionDossierView.From(session, entry, dossier, names[dossier.UnitCode], definition, CouncilStageOf(dossier, definition)));
        }
        return CouncilSessionView.From(session, province, rows, session.IsOpen && actor.Roles.Contains(Convener));
    }
}
