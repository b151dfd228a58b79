using Microsoft.AspNetCore.Mvc;
using NtmWorkflow.Web.Features.Councils;
using NtmWorkflow.Web.Features.Documents;

namespace NtmWorkflow.Web.Pages.Councils;

/// <summary>
/// One council session: its members and who came, its dossiers with their votes and outcomes, its minutes; for the
/// province appraiser while it is open, the forms that record each step and conclude it. Each form sends the API's command.
/// </summary>
[RequestSizeLimit(Dossiers.DetailsModel.UploadLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = Dossiers.DetailsModel.UploadLimit)]
public sealed class DetailsModel : AppPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>The session's version the page showed, sent back with every form.</summary>
    [BindProperty]
    public int ExpectedVersion { get; set; }

    [BindProperty]
    public List<string> Present { get; set; } = [];

    /// <summary>Candidates ticked to add, each "id:version".</summary>
    [BindProperty]
    public List<string> Selected { get; set; } = [];

    [BindProperty]
    public VoteForm Vote { get; set; } = new();

    public CouncilSessionView Session { get; private set; } = null!;

    public IReadOnlyList<ListCouncilCandidates.CouncilCandidate> Candidates { get; private set; } = [];

    /// <summary>The form the caller just sent, which shows its errors.</summary>
    public string? Attempted { get; private set; }

    public sealed class VoteForm
    {
        public int? DossierVersion { get; set; }

        public int? Agree { get; set; }

        public int? Against { get; set; }

        public int? Abstain { get; set; }

        public string? Note { get; set; }
    }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public Task<IActionResult> OnPostAttendanceAsync() =>
        StepAsync("attendance", new RecordAttendance.Command(Id, new RecordAttendance.Body(ExpectedVersion, Present.Cast<string?>().ToList())),
            "Đã ghi danh sách thành viên có mặt.");

    public Task<IActionResult> OnPostAddAsync() =>
        StepAsync("add", new AddCouncilDossiers.Command(Id, new AddCouncilDossiers.Body(ExpectedVersion, Selected.Select(Reference).ToList())),
            "Đã thêm hồ sơ vào phiên họp.");

    public Task<IActionResult> OnPostRemoveAsync(Guid dossierId) =>
        StepAsync("remove", new RemoveCouncilDossier.Command(Id, dossierId, ExpectedVersion), "Đã bỏ hồ sơ khỏi phiên họp.");

    public Task<IActionResult> OnPostVoteAsync(Guid dossierId) =>
        StepAsync(VoteAttempt(dossierId),
            new RecordCouncilVote.Command(Id, dossierId, new RecordCouncilVote.Body(
                ExpectedVersion, Vote.DossierVersion, Vote.Agree, Vote.Against, Vote.Abstain, string.IsNullOrWhiteSpace(Vote.Note) ? null : Vote.Note)),
            "Đã ghi kết quả biểu quyết.");

    public Task<IActionResult> OnPostMinutesAsync(IFormFile? file) =>
        StepAsync("minutes",
            new UploadCouncilMinutes.Command(Id, new FormUpload(file, new Dictionary<string, string> { ["expectedVersion"] = ExpectedVersion.ToString() })),
            "Đã tải lên biên bản họp.");

    public Task<IActionResult> OnPostConcludeAsync() =>
        StepAsync("conclude", new ConcludeCouncilSession.Command(Id, new ConcludeCouncilSession.Body(ExpectedVersion)),
            "Đã kết thúc phiên họp: các hồ sơ đã chuyển theo kết quả biểu quyết.");

    public static string VoteAttempt(Guid dossierId) => $"vote-{dossierId}";

    /// <summary>How the page names a projected or final outcome.</summary>
    public static string OutcomeText(string? value) => value switch
    {
        SessionDossierView.Carries or Domain.CouncilSessionDossier.Carried => "Đạt tỷ lệ biểu quyết",
        SessionDossierView.NotQuorate or Domain.CouncilSessionDossier.NotQuorate => "Không đủ túc số: hồ sơ chờ phiên họp khác",
        SessionDossierView.BelowThreshold or Domain.CouncilSessionDossier.NotCarried => "Không đạt tỷ lệ biểu quyết",
        _ => "",
    };

    private async Task<IActionResult> StepAsync(string attempt, MediatR.IRequest<CouncilSessionView> command, string done)
    {
        Attempted = attempt;
        ModelState.Clear();
        var outcome = await SendAsync(command, _ => "");
        if (outcome.Stop is not null)
        {
            return outcome.Stop;
        }
        if (outcome.Value is not null)
        {
            Flash(Text[done]);
            return RedirectToPage(new { id = Id });
        }
        return await LoadAsync() ?? Page();
    }

    private static AddCouncilDossiers.DossierRef? Reference(string selected) =>
        selected.Split(':') is [var id, var version] && Guid.TryParse(id, out var dossierId) && int.TryParse(version, out var seen)
            ? new AddCouncilDossiers.DossierRef(dossierId, seen)
            : null;

    private async Task<IActionResult?> LoadAsync()
    {
        var session = await SendAsync(new GetCouncilSession.Query(Id));
        if (session.Value is null)
        {
            return session.Stop ?? NotFound();
        }
        Session = session.Value;
        Candidates = Session.MayEdit ? await Mediator.Send(new ListCouncilCandidates.Query()) : [];
        return null;
    }
}
