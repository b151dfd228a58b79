using FluentValidation;
using NtmWorkflow.Engine;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Dossiers;

/// <summary>The filters and order a dossier list and its export share, so the file holds exactly what the list shows.</summary>
public interface IDossierFilters
{
    string? Stage { get; }
    string? Status { get; }
    string? UnitCode { get; }
    int? Year { get; }
    string? Level { get; }
    bool? Overdue { get; }
    string? Q { get; }
    string? Sort { get; }

    /// <summary>Dossiers that left this stage (in <see cref="LeftYear"/> when given): the stays a report counts.</summary>
    string? LeftStage { get; }
    int? LeftYear { get; }

    /// <summary>Dossiers decided in this year; with <see cref="DecidedLate"/>, only those late (or not) at some step.</summary>
    int? DecidedYear { get; }
    bool? DecidedLate { get; }
}

public static class DossierFilters
{
    /// <summary>Orders a list may be sorted in.</summary>
    public static readonly IReadOnlyList<string> Sorts = ["updated", "due", "unit", "year"];

    public static void ValidDossierFilters<T>(this AbstractValidator<T> validator) where T : IDossierFilters
    {
        validator.RuleFor(q => q.Status).Must(s => s is null || DossierStatuses.All.Contains(s))
            .WithMessage($"Trạng thái (status) phải là một trong: {string.Join(", ", DossierStatuses.All)}.");
        validator.RuleFor(q => q.Stage).MaximumLength(Limits.Code).WithMessage($"Giai đoạn (stage) dài tối đa {Limits.Code} ký tự.");
        validator.RuleFor(q => q.UnitCode).MaximumLength(Limits.Code).WithMessage($"Mã đơn vị dài tối đa {Limits.Code} ký tự.");
        validator.RuleFor(q => q.Level).Must(l => l is null || Levels.IsKnown(l))
            .WithMessage($"Mức công nhận (level) phải là một trong: {string.Join(", ", Levels.All)}.");
        validator.RuleFor(q => q.Q).MaximumLength(Limits.Name).WithMessage($"Từ khóa tìm (q) dài tối đa {Limits.Name} ký tự.");
        validator.RuleFor(q => q.Sort).Must(s => s is null || Sorts.Contains(s))
            .WithMessage($"Cách sắp xếp (sort) phải là một trong: {string.Join(", ", Sorts)}.");
        validator.RuleFor(q => q.LeftStage).MaximumLength(Limits.Code).WithMessage($"Giai đoạn đã qua (leftStage) dài tối đa {Limits.Code} ký tự.");
        validator.RuleFor(q => q.LeftYear).Null().When(q => q.LeftStage is null)
            .WithMessage("Năm rời giai đoạn (leftYear) chỉ dùng cùng giai đoạn đã qua (leftStage).");
    }
}

/// <summary>Turns a caller's filters into the listing of the dossiers they may see: 400 for an unknown unit, 403 outside scope.</summary>
internal sealed class DossierSelection(AppDbContext db, ICurrentActor actors, UnitPaths unitPaths)
{
    public async Task<DossierListing> ListingAsync(IDossierFilters filters, DateTime now, CancellationToken cancellationToken)
    {
        var actor = await actors.RequireAsync(cancellationToken);
        var scope = actor.UnitPath;
        if (filters.UnitCode is { } unitCode)
        {
            var unitPath = await unitPaths.FindAsync(db, unitCode, cancellationToken)
                ?? throw ProblemException.BadRequest("unitCode", $"Không có đơn vị hành chính mã '{unitCode}'.");
            if (!actor.CanSee(unitPath))
            {
                throw ProblemException.Forbidden("Đơn vị này nằm ngoài phạm vi của bạn.");
            }
            scope = unitPath;
        }
        var filtered = Filter(filters, now);
        return new DossierListing(scope, filters.Sort switch
        {
            "due" =>
            [
                dossiers => filtered(dossiers).Where(d => d.DueAt != null).OrderBy(d => d.DueAt).ThenBy(d => d.Id),
                dossiers => filtered(dossiers).Where(d => d.DueAt == null).OrderBy(d => d.Id),
            ],
            "unit" => [dossiers => filtered(dossiers)
                .OrderBy(d => db.Units.Where(u => u.Code == d.UnitCode).Select(u => u.SearchName).First()).ThenBy(d => d.Id)],
            "year" => [dossiers => filtered(dossiers).OrderByDescending(d => d.Year).ThenByDescending(d => d.UpdatedAt).ThenBy(d => d.Id)],
            _ => [dossiers => filtered(dossiers).OrderByDescending(d => d.UpdatedAt).ThenBy(d => d.Id)],
        });
    }

    private Func<IQueryable<Dossier>, IQueryable<Dossier>> Filter(IDossierFilters filters, DateTime now) => dossiers =>
    {
        if (filters.Stage is { } stage)
        {
            dossiers = dossiers.Where(d => d.Stage == stage);
        }
        if (filters.Status is { } status)
        {
            dossiers = dossiers.Where(d => d.Status == status);
        }
        if (filters.Year is { } year)
        {
            dossiers = dossiers.Where(d => d.Year == year);
        }
        if (filters.Level is { } level)
        {
            dossiers = dossiers.Where(d => d.Level == level);
        }
        if (filters.Overdue is { } overdue)
        {
            dossiers = overdue ? dossiers.Where(d => d.DueAt < now) : dossiers.Where(d => d.DueAt == null || d.DueAt >= now);
        }
        if (filters.LeftStage is { } left)
        {
            dossiers = dossiers.LeftStage(db, left, filters.LeftYear);
        }
        if (filters.DecidedLate is { } late)
        {
            dossiers = dossiers.DecidedLate(db, filters.DecidedYear, late);
        }
        else if (filters.DecidedYear is { } decided)
        {
            dossiers = dossiers.Decided(db, decided);
        }
        if (!string.IsNullOrWhiteSpace(filters.Q))
        {
            var words = TextSearch.Normalize(filters.Q);
            var units = db.Units.Where(u => u.SearchName.Contains(words)).Select(u => u.Code);
            dossiers = dossiers.Where(d => units.Contains(d.UnitCode));
        }
        return dossiers;
    };
}
