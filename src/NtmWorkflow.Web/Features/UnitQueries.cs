using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features;

public static class UnitQueries
{
    /// <summary>The unit a request names by code, or a 400 on <c>unitCode</c> saying no such unit exists.</summary>
    public static async Task<AdministrativeUnit> RequireAsync(this IQueryable<AdministrativeUnit> units, string? code, CancellationToken cancellationToken) =>
        await units.FirstOrDefaultAsync(u => u.Code == code, cancellationToken)
        ?? throw ProblemException.BadRequest("unitCode", $"Không có đơn vị hành chính mã '{code}'.");
}
