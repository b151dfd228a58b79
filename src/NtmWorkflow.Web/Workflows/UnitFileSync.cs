using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Workflows;

/// <summary>
/// Brings the database's tree in step with the units file at start-up, in one transaction: units the file lists and
/// the database lacks are added where the file places them; a name the file changed is applied; each reorganisation
/// not yet recorded in unit_changes is applied once, in order, and recorded under its id. What an administrator changed
/// through the API stays: a unit already present is never moved back to where the file lists it, a recorded
/// reorganisation is never applied again, and a name an administrator gave is kept until the file's name changes.
/// </summary>
internal static class UnitFileSync
{
    public static async Task SyncAsync(AppDbContext db, string file, DateTime now, ILogger logger, CancellationToken cancellationToken)
    {
        var content = UnitFile.Read(file);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var units = await db.Units.ToDictionaryAsync(u => u.Code, cancellationToken);
        var names = await db.UnitChanges.AsNoTracking()
            .Where(c => c.Kind == UnitChangeKinds.Create || c.Kind == UnitChangeKinds.Rename)
            .Select(c => new NameChange(c.UnitCode, c.Actor, c.NewName, c.At))
            .ToListAsync(cancellationToken);
        foreach (var node in content.Units)
        {
            if (units.TryGetValue(node.Code, out var unit))
            {
                Update(db, unit, node, names.Where(n => n.UnitCode == node.Code).ToList(), now);
                continue;
            }
            unit = new AdministrativeUnit(node.Code, node.Name, node.Kind, node.ParentCode is { } parent ? units[parent] : null,
                node.Region, node.OfficialCode, node.ValidFrom);
            units[node.Code] = db.Units.Add(unit).Entity;
            db.UnitChanges.Add(new UnitChange(UnitChangeKinds.Create, unit, UnitChange.UnitsFile, now)
            {
                NewName = unit.Name, ToParentCode = unit.ParentCode, EffectiveOn = unit.ValidFrom,
            });
        }
        var applied = (await db.UnitChanges.Where(c => c.ChangeId != null).Select(c => c.ChangeId!).Distinct().ToListAsync(cancellationToken))
            .ToHashSet();
        foreach (var change in content.Reorganisations.Where(c => !applied.Contains(c.Id)))
        {
            foreach (var step in change.Steps)
            {
                await ApplyAsync(db, units, change, step, now, logger, cancellationToken);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private sealed record NameChange(string UnitCode, string Actor, string? NewName, DateTime At);

    /// <summary>
    /// The file's name is applied when the file changed it since it last named the unit; for a unit an earlier release
    /// added (no name recorded from the file), when no administrator has renamed it.
    /// </summary>
    private static void Update(AppDbContext db, AdministrativeUnit unit, UnitFile.Unit node, List<NameChange> names, DateTime now)
    {
        if (unit.OfficialCode != node.OfficialCode || unit.ValidFrom != node.ValidFrom)
        {
            unit.Describe(node.OfficialCode, node.ValidFrom);
        }
        if (unit.Name == node.Name)
        {
            return;
        }
        var fileLast = names.Where(n => n.Actor == UnitChange.UnitsFile && n.NewName is not null).MaxBy(n => n.At);
        var fileChanged = fileLast is null ? names.All(n => n.Actor == UnitChange.UnitsFile) : fileLast.NewName != node.Name;
        if (!fileChanged)
        {
            return;
        }
        db.UnitChanges.Add(new UnitChange(UnitChangeKinds.Rename, unit, UnitChange.UnitsFile, now) { OldName = unit.Name, NewName = node.Name });
        unit.Rename(node.Name);
    }

    /// <summary>A step the database's tree refuses (an administrator did it, or otherwise, already) is recorded with why, and skipped.</summary>
    private static async Task ApplyAsync(
        AppDbContext db, Dictionary<string, AdministrativeUnit> units, UnitFile.Reorganisation change, UnitFile.Step step, DateTime now,
        ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            var (row, moved) = UnitFile.Apply(step, change, units.GetValueOrDefault, units.Values, now);
            db.UnitChanges.Add(row);
            if (moved is var (from, to))
            {
                await db.MoveRecordsAsync(from, to, cancellationToken);
            }
        }
        catch (ProblemException e)
        {
            logger.LogWarning("Thay đổi '{Change}' của tệp đơn vị: bước {Kind} '{Unit}' không áp dụng: {Reason}",
                change.Id, step.Kind, step.UnitCode, e.Message);
            db.UnitChanges.Add(UnitReorganiser.Skipped(step.Kind, units[step.UnitCode], step.Target is { } t ? units.GetValueOrDefault(t) : null,
                change.Basis(now), e.Message));
        }
    }
}
