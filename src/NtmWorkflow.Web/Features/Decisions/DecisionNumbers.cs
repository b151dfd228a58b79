using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Decisions;

/// <summary>
/// A province gives each decision its own number within a year (numbering starts again every January, Decree
/// 30/2020/NĐ-CP): a number already recorded for another decision of the province signed the same year (a dossier's,
/// or a recognition's, imported ones included) is refused, unless it is the same batch decision.
/// </summary>
internal sealed class DecisionNumbers(AppDbContext db)
{
    /// <summary>Numbers compare trimmed and case-insensitively: "694/qđ-ubnd" is 694/QĐ-UBND.</summary>
    public static bool Same(string? a, string? b) => string.Equals(a?.Trim(), b?.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A 409 naming the other decision when <paramref name="number"/> is taken in the province of <paramref name="unitPath"/>
    /// in the year of <paramref name="date"/>.
    /// </summary>
    /// <param name="batchId">The batch the decision belongs to, whose members share the number; null for a decision of its own.</param>
    /// <param name="dossierId">The dossier whose decision this is, whose own records do not count.</param>
    public async Task EnsureFreeAsync(
        string unitPath, string number, DateOnly date, Guid? batchId, Guid? dossierId, CancellationToken cancellationToken)
    {
        var province = AdministrativeUnit.ProvincePathOf(unitPath);
        if (db.Database.IsNpgsql())
        {
            // Two decisions of one province recorded at the same moment check one after the other, each seeing the
            // other's number once committed (SQLite's write lock already queues them). Released with the transaction.
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({"decision-number:" + province}))", cancellationToken);
        }
        var length = number.Trim().Length;
        var (from, to) = (new DateOnly(date.Year, 1, 1), new DateOnly(date.Year, 12, 31));
        // SQLite folds the case of ASCII letters only (not Đ/đ): the database narrows by length, the comparison is ours.
        var dossiers = await db.Dossiers.AsNoTracking().Under(province)
            .Where(d => d.DecisionNumber != null && d.DecisionNumber.Trim().Length == length && d.Id != dossierId
                && d.DecisionDate >= from && d.DecisionDate <= to
                && (batchId == null || d.DecisionBatchId != batchId))
            .Join(db.Units, d => d.UnitCode, u => u.Code, (d, u) => new Use(d.DecisionNumber!, d.DecisionDate, u.Name, d.Level))
            .ToListAsync(cancellationToken);
        var recognitions = await db.Recognitions.AsNoTracking()
            .Where(r => r.UnitPath.StartsWith(province) && r.DecisionNumber != null && r.DecisionNumber.Trim().Length == length
                && r.DecisionDate >= from && r.DecisionDate <= to
                && (dossierId == null || r.DossierId != dossierId) && (batchId == null || r.DecisionBatchId != batchId))
            .Select(r => new Use(r.DecisionNumber!, r.DecisionDate, r.UnitName, r.Level))
            .ToListAsync(cancellationToken);
        var taken = dossiers.Concat(recognitions).Where(u => Same(u.Number, number)).Distinct().ToList();
        if (taken.Count == 0)
        {
            return;
        }
        var units = taken.Select(u => u.UnitName).Distinct().ToList();
        var signed = taken.Select(u => u.Date).FirstOrDefault(d => d is not null);
        throw ProblemException.Conflict(
                $"Số quyết định '{taken[0].Number}' đã được dùng cho quyết định khác của tỉnh năm {date.Year}"
                + (signed is { } d ? $" ngày {d:dd/MM/yyyy}" : "") + $" ({string.Join(", ", units)}). Mỗi quyết định của tỉnh trong một năm có một số riêng; "
                + "một quyết định chung cho nhiều hồ sơ được ký một lần bằng chức năng quyết định chung.")
            .With("field", "number")
            .With("usedBy", taken.Select(u => new { unitName = u.UnitName, level = u.Level, date = u.Date }).Distinct().ToList());
    }

    private sealed record Use(string Number, DateOnly? Date, string UnitName, string Level);
}
