using MediatR;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Engine;
using NtmWorkflow.Web.Data;

namespace NtmWorkflow.Web.Infrastructure.Pipeline;

/// <summary>
/// Enforces what each request type declares (see RequestMarkers), for the API, the pages and scheduled jobs alike:
/// anonymous, signed in, signed in with the dossier inside the caller's unit subtree, or the system's own jobs.
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
                var actor = await actors.RequireAsync(cancellationToken);
                var unitPath = await db.Dossiers.AsNoTracking()
                    .Where(d => d.Id == dossierRequest.DossierId)
                    .Select(d => d.UnitPath)
                    .FirstOrDefaultAsync(cancellationToken)
                    ?? throw ProblemException.NotFound($"Không tìm thấy hồ sơ {dossierRequest.DossierId}.");
                if (!actor.CanSee(unitPath))
                {
                    throw ProblemException.OutOfScope();
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
}
