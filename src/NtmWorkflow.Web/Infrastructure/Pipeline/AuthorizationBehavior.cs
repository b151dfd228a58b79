using MediatR;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Engine;
using NtmWorkflow.Web.Data;

namespace NtmWorkflow.Web.Infrastructure.Pipeline;

/// <summary>
/// Enforces what each request type declares (see RequestMarkers), for the API, the pages and scheduled jobs alike:
/// anonymous, signed in, signed in with the dossier or unit inside the caller's unit subtree, or the system's own jobs.
/// </summary>
internal sealed class AuthorizationBehavior<TRequest, TResponse>(ICurrentActor actors, AppDbContext db, IHttpContextAccessor http)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        switch (request)
        {
            case IAnonymousRequest:
                break;
            case ISystemRequest when http.HttpContext is not null:
                throw new InvalidOperationException($"{typeof(TRequest).Name} is sent by scheduled jobs only, not during an HTTP request.");
            case ISystemRequest:
                break;
            case IDossierRequest dossierRequest:
                await RequireInScopeAsync(
                    token => DossierPath(db, dossierRequest.DossierId, token),
                    $"Không tìm thấy hồ sơ {dossierRequest.DossierId}.", ProblemException.OutOfScope(), cancellationToken);
                break;
            case IPlanRequest planRequest:
                await RequireInScopeAsync(
                    db.AnnualPlans.Where(p => p.Id == planRequest.PlanId).Select(p => p.UnitPath).FirstOrDefaultAsync,
                    $"Không tìm thấy kế hoạch {planRequest.PlanId}.",
                    ProblemException.Forbidden("Kế hoạch này không thuộc phạm vi đơn vị của bạn."), cancellationToken);
                break;
            case IUnitRequest unitRequest:
                var actor = await RequireInScopeAsync(
                    db.Units.Where(u => u.Code == unitRequest.UnitCode).Select(u => u.Path).FirstOrDefaultAsync,
                    $"Không có đơn vị hành chính mã '{unitRequest.UnitCode}'.",
                    ProblemException.Forbidden("Đơn vị này không thuộc phạm vi đơn vị của bạn."), cancellationToken);
                if (unitRequest.Roles.Count > 0 && !unitRequest.Roles.Any(actor.Roles.Contains))
                {
                    throw ProblemException.Forbidden(
                        $"Chỉ {string.Join(" hoặc ", unitRequest.Roles.Select(Roles.VietnameseName))} được thực hiện việc này.");
                }
                break;
            case IAdministratorRequest when !(await actors.RequireAsync(cancellationToken)).Roles.Contains(Roles.Administrator):
                throw ProblemException.Forbidden("Chỉ quản trị viên được thực hiện việc này.");
            case IAuthenticatedRequest:
                await actors.RequireAsync(cancellationToken);
                break;
            default:
                throw new InvalidOperationException($"{typeof(TRequest).Name} does not declare who may send it.");
        }
        return await next();
    }

    /// <summary>Most requests are about one dossier: compiled once, its scope check skips EF's per-query translation.</summary>
    private static readonly Func<AppDbContext, Guid, CancellationToken, Task<string?>> DossierPath = EF.CompileAsyncQuery(
        (AppDbContext db, Guid id, CancellationToken _) => db.Dossiers.Where(d => d.Id == id).Select(d => d.UnitPath).FirstOrDefault());

    /// <summary>The caller, when the unit path <paramref name="unitPath"/> finds lies in their subtree; 404 when it finds none.</summary>
    private async Task<Domain.Actor> RequireInScopeAsync(
        Func<CancellationToken, Task<string?>> unitPath, string notFound, ProblemException outOfScope, CancellationToken cancellationToken)
    {
        var actor = await actors.RequireAsync(cancellationToken);
        var path = await unitPath(cancellationToken) ?? throw ProblemException.NotFound(notFound);
        return actor.CanSee(path) ? actor : throw outOfScope;
    }
}
