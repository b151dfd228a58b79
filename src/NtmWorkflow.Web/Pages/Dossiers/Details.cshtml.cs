using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using NtmWorkflow.Engine.Transitions;
using NtmWorkflow.Web.Features.Criteria;
using NtmWorkflow.Web.Features.Documents;
using NtmWorkflow.Web.Features.Dossiers;

namespace NtmWorkflow.Web.Pages.Dossiers;

/// <summary>
/// One dossier: where it stands on its way, its timeline, criteria and papers, and the caller's own actions, each with
/// exactly the fields it needs.
/// </summary>
public sealed class DetailsModel(IStringLocalizer<SharedResource> text) : AppPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public ActionForm Form { get; set; } = new();

    public DossierView Dossier { get; private set; } = null!;

    public IReadOnlyList<GetTimeline.TimelineEvent> Timeline { get; private set; } = [];

    public GetCriteria.CriteriaView Criteria { get; private set; } = null!;

    public IReadOnlyList<DocumentView> Documents { get; private set; } = [];

    /// <summary>The action the caller just tried, whose form shows the errors and keeps the input.</summary>
    public string? Attempted { get; private set; }

    /// <summary>What the action forms post; only the fields the chosen action requires are used.</summary>
    public sealed class ActionForm
    {
        public int ExpectedVersion { get; set; }

        public string? Comment { get; set; }

        public int? Members { get; set; }

        public int? Present { get; set; }

        public int? Agree { get; set; }

        public string? DecisionNumber { get; set; }

        public DateOnly? DecisionDate { get; set; }

        public string? DecisionSigner { get; set; }

        public DateOnly? CeremonyDate { get; set; }

        public string? CeremonyPlace { get; set; }
    }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostActAsync(string action)
    {
        Attempted = action;
        ModelState.Clear();
        var form = Form;
        var body = new PerformAction.Body(
            form.ExpectedVersion,
            string.IsNullOrWhiteSpace(form.Comment) ? null : form.Comment,
            form.Members is null && form.Present is null && form.Agree is null ? null : new Vote(form.Members ?? 0, form.Present ?? 0, form.Agree ?? 0),
            form.DecisionNumber is null && form.DecisionDate is null && form.DecisionSigner is null
                ? null : new PerformAction.DecisionBody(form.DecisionNumber, form.DecisionDate, form.DecisionSigner),
            form.CeremonyDate is null && form.CeremonyPlace is null ? null : new PerformAction.CeremonyBody(form.CeremonyDate, form.CeremonyPlace));
        var outcome = await SendAsync(new PerformAction.Command(Id, action, body), FormField);
        if (outcome.Stop is not null)
        {
            return outcome.Stop;
        }
        if (outcome.Value is { } moved)
        {
            Flash(Moved(moved));
            return RedirectToPage(new { id = Id });
        }
        return await LoadAsync() ?? Page();
    }

    public string? ErrorFor(string field) =>
        ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : null;

    /// <summary>What happened and who acts next, said after every action.</summary>
    private string Moved(DossierView moved) => moved.AwaitingRole is { } role
        ? text["Đã thực hiện. Hồ sơ chuyển tới giai đoạn '{0}', chờ {1} xử lý.", moved.StageTitle, text[Display.Role(role)]]
        : text["Đã thực hiện. Hồ sơ đã kết thúc: {0}.", moved.StageTitle];

    /// <summary>Where an API field's message goes on the form.</summary>
    private static string FormField(string? field) => field switch
    {
        "comment" => "Form.Comment",
        "vote" or "vote.members" or "vote.present" or "vote.agree" => "Form.Agree",
        "decision" or "decision.number" => "Form.DecisionNumber",
        "decision.date" => "Form.DecisionDate",
        "decision.signer" => "Form.DecisionSigner",
        "ceremony" or "ceremony.date" => "Form.CeremonyDate",
        "ceremony.place" => "Form.CeremonyPlace",
        _ => "",
    };

    private async Task<IActionResult?> LoadAsync()
    {
        var dossier = await SendAsync(new GetDossier.Query(Id));
        if (dossier.Value is null)
        {
            return dossier.Stop ?? NotFound();
        }
        Dossier = dossier.Value;
        Timeline = await Mediator.Send(new GetTimeline.Query(Id));
        Criteria = await Mediator.Send(new GetCriteria.Query(Id));
        Documents = await Mediator.Send(new ListDocuments.Query(Id));
        return null;
    }
}
