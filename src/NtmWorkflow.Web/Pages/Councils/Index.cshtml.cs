using Microsoft.AspNetCore.Mvc;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Features;
using NtmWorkflow.Web.Features.Councils;

namespace NtmWorkflow.Web.Pages.Councils;

/// <summary>The council sessions in the caller's scope, and for the province appraiser the form that opens one.</summary>
public sealed class IndexModel : AppPageModel
{
    [BindProperty]
    public OpenForm Form { get; set; } = new();

    public Paged<CouncilSessionSummary> Sessions { get; private set; } = null!;

    public bool MayOpen => User.IsInRole(CouncilSessions.Convener);

    /// <summary>What the form posts; members one per line, "name; position".</summary>
    public sealed class OpenForm
    {
        public string? Title { get; set; }

        public string? Number { get; set; }

        public DateOnly? MeetingDate { get; set; }

        public string? Members { get; set; }
    }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (ModelState.IsValid)
        {
            var form = Form;
            var body = new CouncilSessionBody(null, string.IsNullOrWhiteSpace(form.Number) ? null : form.Number, form.Title, form.MeetingDate,
                MemberLines(form.Members));
            var outcome = await SendAsync(new OpenCouncilSession.Command(body), Under(nameof(Form)));
            if (outcome.Stop is not null)
            {
                return outcome.Stop;
            }
            if (outcome.Value is { } session)
            {
                Flash(Text["Đã mở phiên họp '{0}'.", session.Title]);
                return RedirectToPage("Details", new { id = session.Id });
            }
        }
        return await LoadAsync() ?? Page();
    }

    /// <summary>"Nguyễn Văn A; Chủ tịch Hội đồng" per line → the members; blank lines are skipped.</summary>
    public static IReadOnlyList<CouncilMemberBody?> MemberLines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(';', 2, StringSplitOptions.TrimEntries))
            .Select(parts => (CouncilMemberBody?)new CouncilMemberBody(parts[0], parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null))
            .ToList();

    private async Task<IActionResult?> LoadAsync()
    {
        var sessions = await SendAsync(new ListCouncilSessions.Query(null, 1, Paging.MaxPageSize));
        if (sessions.Value is null)
        {
            return sessions.Stop ?? NotFound();
        }
        Sessions = sessions.Value;
        return null;
    }

    public static string StatusText(string status) => status == CouncilSession.Open ? "Đang mở" : "Đã kết thúc";
}
