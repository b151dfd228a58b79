using Microsoft.AspNetCore.Mvc;
using NtmWorkflow.Web.Features;
using NtmWorkflow.Web.Features.Dossiers;
using NtmWorkflow.Web.Features.Notifications;
using NtmWorkflow.Web.Features.Tasks;

namespace NtmWorkflow.Web.Pages;

/// <summary>The home page of a signed-in official: what waits for them, where the dossiers in their scope stand, what is new.</summary>
public sealed class IndexModel : AppPageModel
{
    public Paged<DossierSummary> Tasks { get; private set; } = new([], 0, 1, 10);

    public IReadOnlyList<CountDossiersByStage.StageCount> Stages { get; private set; } = [];

    public ListNotifications.NotificationPage Notifications { get; private set; } = new([], 0, 0, 1, 5);

    public async Task<IActionResult> OnGetAsync()
    {
        Tasks = await Mediator.Send(new ListTasks.Query(1, 10));
        Stages = await Mediator.Send(new CountDossiersByStage.Query());
        Notifications = await Mediator.Send(new ListNotifications.Query(null, 1, 5));
        return Page();
    }
}
