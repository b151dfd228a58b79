using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Engine;
using NtmWorkflow.Engine.Definitions;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Features.Dossiers;
using NtmWorkflow.Web.Infrastructure;
using NtmWorkflow.Web.Workflows;

namespace NtmWorkflow.Web.Features.Decisions;

/// <summary>A dossier a batch decision may decide: loaded, at its decision stage, by the action that records it.</summary>
internal sealed record BatchMember(Dossier Dossier, WorkflowDefinition Definition, AdministrativeUnit Unit, ActionDefinition Action);

/// <summary>A dossier a batch decision cannot decide, and why; the 409 lists every one.</summary>
public sealed record BatchOffender(Guid Id, string? UnitName, string Reason);

/// <summary>The province a signer signs for, and the dossiers of it waiting for their decision.</summary>
internal sealed class BatchDesk(AppDbContext db, DossierLookup dossiers, DefinitionRegistry definitions)
{
    /// <summary>Which of the caller's roles sign recognition decisions, and the province they sign for; 403 otherwise.</summary>
    public async Task<(AdministrativeUnit Province, IReadOnlyList<string> Roles)> ProvinceOfSignerAsync(Actor actor, CancellationToken cancellationToken)
    {
        var signers = DecisionStages.Signers(definitions.Current);
        var roles = actor.Roles.Where(signers.Contains).ToList();
        var provinceCode = AdministrativeUnit.ProvinceCodeOf(actor.UnitPath);
        var province = roles.Count == 0 || provinceCode is null
            ? null
            : await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == provinceCode && u.Kind == UnitKinds.Province, cancellationToken);
        return province is null
            ? throw ProblemException.Forbidden(
                $"Chỉ {string.Join(" hoặc ", signers.Select(Roles.VietnameseName))} của một tỉnh được ký quyết định chung cho hồ sơ của tỉnh mình.")
            : (province, roles);
    }

    /// <summary>
    /// Loads every requested dossier and checks each against the batch: found, of the province, at a decision stage
    /// of the caller's role, at the version the caller saw. Every offender is named in one 409; nothing is written.
    /// </summary>
    public async Task<List<BatchMember>> CheckAsync(
        AdministrativeUnit province, IReadOnlyList<string> roles, IReadOnlyList<(Guid Id, int ExpectedVersion)> requested, bool forUpdate,
        CancellationToken cancellationToken)
    {
        var members = new List<BatchMember>();
        var offenders = new List<BatchOffender>();
        foreach (var (id, expectedVersion) in requested)
        {
            if (await db.Dossiers.AnyAsync(d => d.Id == id, cancellationToken) is false)
            {
                offenders.Add(new BatchOffender(id, null, "Không tìm thấy hồ sơ."));
                continue;
            }
            var (loaded, definition, unit) = await dossiers.LoadAsync(id, forUpdate, cancellationToken);
            if (!loaded.UnitPath.StartsWith(province.Path, StringComparison.Ordinal))
            {
                offenders.Add(new BatchOffender(id, unit.Name, $"Hồ sơ không thuộc {province.Name}."));
                continue;
            }
            if (DecisionStages.DecisionAction(definition, loaded.Stage, roles) is not { } action)
            {
                offenders.Add(new BatchOffender(id, unit.Name,
                    $"Hồ sơ đang ở '{definition.TitleOf(loaded.Stage)}', không chờ quyết định công nhận của {string.Join(", ", roles.Select(Roles.VietnameseName))}."));
                continue;
            }
            try
            {
                loaded.EnsureVersion(expectedVersion);
                members.Add(new BatchMember(loaded, definition, unit, action));
            }
            catch (ProblemException stale)
            {
                offenders.Add(new BatchOffender(id, unit.Name, stale.Message));
            }
        }
        return offenders.Count == 0 ? members : throw Refused(offenders);
    }

    public static ProblemException Refused(IReadOnlyList<BatchOffender> offenders) =>
        ProblemException.Conflict(
                $"Không ký được quyết định chung: {offenders.Count} hồ sơ không đủ điều kiện ("
                + string.Join("; ", offenders.Select(o => $"{o.UnitName ?? o.Id.ToString()}: {o.Reason}")) + "). Không hồ sơ nào được chuyển.")
            .With("dossiers", offenders);
}
