using Microsoft.AspNetCore.Mvc;
using NtmWorkflow.Engine.Transitions;
using NtmWorkflow.Web.Features.Councils;
using NtmWorkflow.Web.Features.Criteria;
using NtmWorkflow.Web.Features.Decisions;
using NtmWorkflow.Web.Features.Documents;
using NtmWorkflow.Web.Features.Drafts;
using NtmWorkflow.Web.Features.Dossiers;
using NtmWorkflow.Web.Features.Public;
using NtmWorkflow.Web.Features.Units;

namespace NtmWorkflow.Web.Pages.Dossiers;

/// <summary>
/// One dossier: where it stands on its way, its timeline, criteria and papers, and the caller's own actions, each with
/// exactly the fields it needs.
/// </summary>
[RequestSizeLimit(UploadLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimit)]
public sealed class DetailsModel(DraftOffer drafts) : AppPageModel
{
    /// <summary>The framework's own ceiling for a page's form; the document store enforces the real limit (413).</summary>
    internal const long UploadLimit = 2L * 1024 * 1024 * 1024;

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public ActionForm Form { get; set; } = new();

    [BindProperty]
    public ReviewForm Review { get; set; } = new();

    [BindProperty]
    public CorrectionForm Correction { get; set; } = new();

    public DossierView Dossier { get; private set; } = null!;

    public IReadOnlyList<GetTimeline.TimelineEvent> Timeline { get; private set; } = [];

    public GetCriteria.CriteriaView Criteria { get; private set; } = null!;

    /// <summary>The unit's commune groups, linked from the criteria for a commune.</summary>
    public ListCommuneGroups.GroupsView Groups { get; private set; } = null!;

    public IReadOnlyList<DocumentView> Documents { get; private set; } = [];

    public IReadOnlyList<ListPublicComments.CommentView> Comments { get; private set; } = [];

    /// <summary>Whether the dossier waits for the appraisal council, and the session considering it.</summary>
    public GetDossierCouncil.DossierCouncilView Council { get; private set; } = null!;

    /// <summary>The papers the dossier can be drafted as (to-trinh, bao-cao-tham-dinh, quyet-dinh), for the download links.</summary>
    public IReadOnlyList<string> DraftPapers { get; private set; } = [];

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

    /// <summary>A reviewer's verdict on one criterion: agree or not, and why (required when not).</summary>
    public sealed class ReviewForm
    {
        public bool? Agree { get; set; }

        public string? Note { get; set; }
    }

    /// <summary>The signer's correction of a recorded decision: the new number, date and signer, and why.</summary>
    public sealed class CorrectionForm
    {
        public int ExpectedVersion { get; set; }

        public string? Number { get; set; }

        public DateOnly? Date { get; set; }

        public string? Signer { get; set; }

        public string? Reason { get; set; }
    }

    public const string CorrectionAttempt = "correct-decision";

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    /// <summary>Corrects the recorded decision, as the API does; the timeline keeps the values replaced.</summary>
    public async Task<IActionResult> OnPostCorrectAsync()
    {
        Attempted = CorrectionAttempt;
        ModelState.Clear();
        var form = Correction;
        var outcome = await SendAsync(new CorrectDecision.Command(Id, new CorrectDecision.Body(form.ExpectedVersion, form.Number, form.Date, form.Signer, form.Reason)),
            CorrectionField);
        if (outcome.Value is not null)
        {
            Flash(Text["Đã đính chính quyết định."]);
            return RedirectToPage(new { id = Id });
        }
        return outcome.Stop ?? await LoadAsync() ?? Page();
    }

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

    /// <summary>Records the verdict of the district review or the provincial appraisal on one criterion, as the API does.</summary>
    public async Task<IActionResult> OnPostReviewAsync(int number)
    {
        Attempted = ReviewAttempt(number);
        ModelState.Clear();
        var body = new ReviewCriterion.Body(Review.Agree, string.IsNullOrWhiteSpace(Review.Note) ? null : Review.Note);
        var outcome = await SendAsync(new ReviewCriterion.Command(Id, number, body), Under("Review"));
        if (outcome.Value is not null)
        {
            Flash(Text["Đã ghi ý kiến về tiêu chí {0}.", number]);
            return RedirectToPage(null, null, new { id = Id }, ReviewAttempt(number));
        }
        return outcome.Stop ?? await LoadAsync() ?? Page();
    }

    /// <summary>The criterion's row, its form's errors and the place the page returns to after a verdict.</summary>
    public static string ReviewAttempt(int number) => $"criterion-{number}";

    /// <summary>Adds a version of one paper; the form was read by the framework for its antiforgery token.</summary>
    public async Task<IActionResult> OnPostUploadAsync(string? type, IFormFile? file)
    {
        Attempted = Request.Query.ContainsKey("type") ? "upload:" + type : "upload:any";
        var outcome = await SendAsync(new UploadDocument.Command(Id, new FormUpload(file, new Dictionary<string, string> { ["type"] = type ?? "" })),
            _ => "Upload");
        if (outcome.Value is { } document)
        {
            Flash(Text["Đã tải lên {0}, phiên bản {1}.", document.TypeTitle, document.Version]);
            return RedirectToPage(new { id = Id });
        }
        return outcome.Stop ?? await LoadAsync() ?? Page();
    }

    /// <summary>What happened and who acts next, said after every action.</summary>
    private string Moved(DossierView moved) => moved.AwaitingRole is { } role
        ? Text["Đã thực hiện. Hồ sơ chuyển tới giai đoạn '{0}', chờ {1} xử lý.", moved.StageTitle, Text[Display.Role(role)]]
        : Text["Đã thực hiện. Hồ sơ đã kết thúc: {0}.", moved.StageTitle];

    /// <summary>Where a correction's refusal goes on its form (the date rules name the decision's or ceremony's date).</summary>
    private static string CorrectionField(string? field) => field switch
    {
        "number" or "decision" => "Correction.Number",
        "date" or "decision.date" or "ceremony.date" => "Correction.Date",
        "signer" => "Correction.Signer",
        "reason" => "Correction.Reason",
        _ => "",
    };

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
        Groups = await Mediator.Send(new ListCommuneGroups.Query(Dossier.UnitCode));
        Documents = await Mediator.Send(new ListDocuments.Query(Id));
        Comments = await Mediator.Send(new ListPublicComments.Query(Id));
        Council = await Mediator.Send(new GetDossierCouncil.Query(Id));
        DraftPapers = drafts.PapersFor(Dossier.Workflow.Id, Dossier.Year);
        return null;
    }
}
