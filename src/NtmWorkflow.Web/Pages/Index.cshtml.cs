using Microsoft.AspNetCore.Mvc;
using NtmWorkflow.Engine;
using NtmWorkflow.Web.Features;
using NtmWorkflow.Web.Features.Dossiers;
using NtmWorkflow.Web.Features.Notifications;
using NtmWorkflow.Web.Features.Reports;
using NtmWorkflow.Web.Features.Tasks;

namespace NtmWorkflow.Web.Pages;

/// <summary>The home page of a signed-in official: what waits for them, where the dossiers in their scope stand, what is new.</summary>
public sealed class IndexModel : AppPageModel
{
    public Paged<DossierSummary> Tasks { get; private set; } = new([], 0, 1, 10);

    public IReadOnlyList<CountDossiersByStage.StageCount> Stages { get; private set; } = [];

    public ListNotifications.NotificationPage Notifications { get; private set; } = new([], 0, 0, 1, 5);

    /// <summary>The officials whose home page charts their scope: the province's and the nation's, not the communes'.</summary>
    public static readonly IReadOnlyList<string> ChartRoles = [Roles.ProvinceAppraiser, Roles.ProvinceLeader, Roles.CentralAppraiser, Roles.Administrator];

    /// <summary>The communes holding each level by province; null for a caller without charts.</summary>
    public IReadOnlyList<CountLevelsByProvince.ProvinceLevels>? Levels { get; private set; }

    /// <summary>This year's procedure figures for the caller's unit; null without charts or when no period covers the year.</summary>
    public ProcedureReport? Procedure { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Tasks = await Mediator.Send(new ListTasks.Query(1, 10));
        Stages = await Mediator.Send(new CountDossiersByStage.Query());
        Notifications = await Mediator.Send(new ListNotifications.Query(null, 1, 5));
        if (ChartRoles.Any(User.IsInRole))
        {
            Levels = await Mediator.Send(new CountLevelsByProvince.Query());
            Procedure = (await SendAsync(new GetProcedureReport.Query(null, null))).Value;
        }
        return Page();
    }
}
