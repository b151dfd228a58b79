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
            case IUnitRequest unitRequest:
                await EnsureUnitAsync(unitRequest, cancellationToken);
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

    private async Task EnsureUnitAsync(IUnitRequest request, CancellationToken cancellationToken)
    {
        var actor = await actors.RequireAsync(cancellationToken);
        var unitPath = await db.Units.AsNoTracking()
            .Where(u => u.Code == request.UnitCode)
            .Select(u => u.Path)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw ProblemException.NotFound($"Không có đơn vị hành chính mã '{request.UnitCode}'.");
        if (!actor.CanSee(unitPath))
        {
            throw ProblemException.Forbidden("Đơn vị này không thuộc phạm vi đơn vị của bạn.");
        }
        if (request.Roles.Count > 0 && !request.Roles.Any(actor.Roles.Contains))
        {
            throw ProblemException.Forbidden(
                $"Chỉ {string.Join(" hoặc ", request.Roles.Select(Roles.VietnameseName))} được thực hiện việc này.");
        }
    }
}
