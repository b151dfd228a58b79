using MediatR;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Web.Data;

namespace NtmWorkflow.Web.Infrastructure.Pipeline;

/// <summary>
/// Enforces what each request type declares (see RequestMarkers), for the API, the pages and scheduled jobs alike:
/// anonymous, signed in, or signed in with the dossier inside the caller's unit subtree.
/// </summary>
internal sealed class AuthorizationBehavior<TRequest, TResponse>(ICurrentActor actors, AppDbContext db)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        switch (request)
        {
            case IAnonymousRequest:
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
            case IAuthenticatedRequest:
                await actors.RequireAsync(cancellationToken);
                break;
            default:
                throw new InvalidOperationException($"{typeof(TRequest).Name} does not declare who may send it.");
        }
        return await next();
    }
}
