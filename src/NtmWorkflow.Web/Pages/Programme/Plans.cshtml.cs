using Microsoft.AspNetCore.Mvc;
using NtmWorkflow.Engine;
using NtmWorkflow.Engine.Calendar;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Features.Programme;
using NtmWorkflow.Web.Infrastructure;
using NtmWorkflow.Web.Pages.Dossiers;

namespace NtmWorkflow.Web.Pages.Programme;

/// <summary>
/// The annual plans of a year in the official's scope, with planned, achieved and not yet counted from confirmed plans;
/// the province registers and confirms plans, the commune proposes its own, either withdraws as the rules allow.
/// </summary>
public sealed class PlansModel(UnitsInScope units, ICurrentActor actors, TimeProvider clock) : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    /// <summary>The page of the list (not "page": that names the Razor page).</summary>
    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public PlanForm Form { get; set; } = new();

    public ListPlans.PlansView? Plans { get; private set; }

    /// <summary>The communes a plan may be added for: the commune officer's own, or those in the province official's scope.</summary>
    public IReadOnlyList<AdministrativeUnit> Communes { get; private set; } = [];

    public bool CanAdd { get; private set; }

    public bool RegistersConfirmed { get; private set; }

    public IReadOnlyList<string> LevelChoices => Levels.All;

    /// <summary>What the add form posts; the rules are the API's (CreatePlan).</summary>
    public sealed class PlanForm
    {
        public string? UnitCode { get; set; }

        public int? Year { get; set; }

        public string? Level { get; set; }

        public string? Note { get; set; }
    }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAddAsync()
    {
        var outcome = await SendAsync(new CreatePlan.Command(Form.UnitCode, Form.Year, Form.Level, Form.Note), Under("Form"));
        if (outcome.Value is { } plan)
        {
            Flash(Text["Đã ghi kế hoạch: {0}, {1}, năm {2}.", plan.UnitName, plan.LevelName, plan.Year]);
            return RedirectToPage(new { year = plan.Year });
        }
        return outcome.Stop ?? await LoadAsync() ?? Page();
    }

    public Task<IActionResult> OnPostConfirmAsync(Guid plan, int version) =>
        DecideAsync(new ConfirmPlan.Command(plan, new ConfirmPlan.Body(version)), Text["Đã xác nhận kế hoạch."]);

    public Task<IActionResult> OnPostWithdrawAsync(Guid plan, int version) =>
        DecideAsync(new WithdrawPlan.Command(plan, new ConfirmPlan.Body(version)), Text["Đã rút kế hoạch."]);

    private async Task<IActionResult> DecideAsync(MediatR.IRequest<PlanView> command, string done)
    {
        var outcome = await SendAsync(command);
        if (outcome.Value is not null)
        {
            Flash(done);
            return RedirectToPage(new { year = Year, pageNumber = PageNumber });
        }
        return outcome.Stop ?? await LoadAsync() ?? Page();
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var actor = await actors.RequireAsync(HttpContext.RequestAborted);
        Year ??= WorkingCalendar.ToVietnamDate(clock.GetUtcNow().UtcDateTime).Year;
        Form.Year ??= Year;
        CanAdd = actor.IsProvince() || actor.IsRecorder();
        RegistersConfirmed = actor.IsProvince();
        if (CanAdd)
        {
            Communes = (await units.ListAsync(dossierSubjectsOnly: true, HttpContext.RequestAborted))
                .Where(u => u.Kind == UnitKinds.Commune && (actor.IsProvince() || u.Code == actor.UnitCode)).ToList();
        }
        var plans = await SendAsync(new ListPlans.Query(Year, null, null, Math.Max(PageNumber, 1), null), field => field == "year" ? "Year" : "");
        Plans = plans.Value;
        return plans.Stop;
    }
}
