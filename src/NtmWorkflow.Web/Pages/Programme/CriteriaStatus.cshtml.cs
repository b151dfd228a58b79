using Microsoft.AspNetCore.Mvc;
using NtmWorkflow.Engine.Calendar;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Features;
using NtmWorkflow.Web.Features.Programme;
using NtmWorkflow.Web.Infrastructure;
using NtmWorkflow.Web.Pages.Dossiers;

namespace NtmWorkflow.Web.Pages.Programme;

/// <summary>
/// A commune's criteria status for a year: the commune officer fills in the same per-criterion form as a dossier's
/// self-assessment; a province official confirms each criterion or all at once; everyone in scope reads the history.
/// </summary>
public sealed class CriteriaStatusModel(UnitsInScope units, ICurrentActor actors, TimeProvider clock) : CriteriaFormPage
{
    [BindProperty(SupportsGet = true, Name = "unit")]
    public string? Unit { get; set; }

    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    /// <summary>The page of the history (not "page": that names the Razor page).</summary>
    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public GetCriteriaStatus.CriteriaStatusView? Status { get; private set; }

    public Paged<StatusRecordView>? History { get; private set; }

    /// <summary>The communes the official may choose from.</summary>
    public IReadOnlyList<AdministrativeUnit> Communes { get; private set; } = [];

    public override IReadOnlyList<CriterionFormRow> FormRows => Status?.Criteria
        .Select(c => new CriterionFormRow(c.Number, c.Name, c.Key, c.Current?.Met == true, c.Current?.Note, c.Current?.Values,
            c.Current?.CommuneGroup, c.Indicators))
        .ToList() ?? [];

    public override string? GroupToday => Status?.CommuneGroup?.Group;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostCriteriaAsync()
    {
        if (await LoadAsync() is { } stop)
        {
            return stop;
        }
        if (Status is null)
        {
            return Page();
        }
        return await SaveChangedAsync((number, met, note, values) =>
                new RecordCriterionStatus.Command(Status.UnitCode, Status.Year, number, new RecordCriterionStatus.Body(met, values, note)))
            ?? Saved(Text["Đã lưu tình trạng tiêu chí."]) ?? await LoadAsync() ?? Page();
    }

    /// <summary>Confirms one criterion (<paramref name="number"/>) or every current record not yet confirmed.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(int? number)
    {
        var unit = Unit ?? "";
        var outcome = await SendAsync(new ConfirmCriteriaStatus.Command(unit, Year ?? 0,
            new ConfirmCriteriaStatus.Body(number is { } one ? [one] : null)));
        return outcome.Stop ?? Saved(number is { } confirmed ? Text["Đã xác nhận tiêu chí {0}.", confirmed] : Text["Đã xác nhận mọi tiêu chí."])
            ?? await LoadAsync() ?? Page();
    }

    private IActionResult? Saved(string message)
    {
        if (!ModelState.IsValid)
        {
            return null;
        }
        Flash(message);
        return RedirectToPage(new { unit = Unit, year = Year });
    }

    /// <summary>The commune officer's own commune and this year unless named; the form and history once a commune is known.</summary>
    private async Task<IActionResult?> LoadAsync()
    {
        var actor = await actors.RequireAsync(HttpContext.RequestAborted);
        Unit ??= actor.IsRecorder() ? actor.UnitCode : null;
        Year ??= WorkingCalendar.ToVietnamDate(clock.GetUtcNow().UtcDateTime).Year;
        Communes = (await units.ListAsync(dossierSubjectsOnly: true, HttpContext.RequestAborted))
            .Where(u => u.Kind == UnitKinds.Commune).ToList();
        if (Unit is null)
        {
            return null;
        }
        var status = await SendAsync(new GetCriteriaStatus.Query(Unit, Year.Value), field => field == "year" ? "Year" : "");
        if (status.Stop is not null)
        {
            return status.Stop;
        }
        Status = status.Value;
        if (Status is not null)
        {
            History = (await SendAsync(new ListCriteriaStatusHistory.Query(Unit, Year.Value, Math.Max(PageNumber, 1), Paging.DefaultPageSize))).Value;
        }
        return null;
    }
}
