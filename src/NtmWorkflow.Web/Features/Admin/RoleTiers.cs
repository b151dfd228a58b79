using FluentValidation;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Engine;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Admin;

/// <summary>
/// Each role belongs to one tier of the administrative tree: a province leader placed at a district would sign
/// decisions for that district's communes. An observer may watch any subtree.
/// </summary>
public static class RoleTiers
{
    public static string? RequiredKind(string role) => role switch
    {
        Roles.CommuneOfficer => UnitKinds.Commune,
        Roles.DistrictReviewer => UnitKinds.District,
        Roles.ProvinceAppraiser or Roles.ProvinceLeader => UnitKinds.Province,
        Roles.CentralAppraiser or Roles.Administrator => UnitKinds.National,
        _ => null,
    };

    /// <summary>One of the procedure's roles, as one rule with its Vietnamese message.</summary>
    public static IRuleBuilderOptions<T, string?> KnownRole<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(r => r is not null && Roles.All.Contains(r))
            .WithMessage($"Vai trò (role) phải là một trong: {string.Join(", ", Roles.All)}.");

    /// <summary>Whether the role fits the unit's tier: a commune officer serves a xã or a phường alike.</summary>
    public static bool Fits(string role, string unitKind) =>
        RequiredKind(role) is not { } kind || (UnitKinds.IsKnown(unitKind) && UnitKinds.Tier(kind) == UnitKinds.Tier(unitKind));

    /// <summary>A 400 naming role and unit when the role does not fit the unit's tier.</summary>
    public static void Require(string role, AdministrativeUnit unit)
    {
        if (!Fits(role, unit.Kind))
        {
            throw ProblemException.BadRequest("role",
                    $"Vai trò {Roles.VietnameseName(role)} ({role}) chỉ gán cho đơn vị cấp {UnitKinds.VietnameseName(RequiredKind(role)!)}; "
                    + $"'{unit.Name}' (unitCode {unit.Code}) là cấp {UnitKinds.VietnameseName(unit.Kind)}.")
                .With("unitCode", unit.Code);
        }
    }

    /// <summary>Accounts whose role does not fit their unit's tier, as "user (role at unit kind)".</summary>
    public static async Task<List<string>> FindMisplacedAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var assignments = await db.Users.AsNoTracking()
            .Join(db.Units, u => u.UnitCode, unit => unit.Code, (u, unit) => new { u.Id, u.UserName, unit.Code, unit.Kind })
            .Join(db.UserRoles, u => u.Id, ur => ur.UserId, (u, ur) => new { u.UserName, u.Code, u.Kind, ur.RoleId })
            .Join(db.Roles, u => u.RoleId, r => r.Id, (u, r) => new { u.UserName, u.Code, u.Kind, Role = r.Name! })
            .ToListAsync(cancellationToken);
        return assignments.Where(a => !Fits(a.Role, a.Kind))
            .Select(a => $"{a.UserName} ({a.Role} tại {a.Code}, cấp {a.Kind})")
            .ToList();
    }
}

/// <summary>At start-up, names the accounts a rule made after their creation now refuses, for the administrator to move.</summary>
internal sealed class MisplacedAccountReport(IServiceProvider services, ILogger<MisplacedAccountReport> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var misplaced = await RoleTiers.FindMisplacedAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), cancellationToken);
        if (misplaced.Count > 0)
        {
            logger.LogWarning("Tài khoản có vai trò không khớp cấp đơn vị (hãy chuyển đơn vị hoặc vai trò): {Accounts}",
                string.Join("; ", misplaced));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
