using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using NtmWorkflow.Web.Features.Public;

namespace NtmWorkflow.Web.Pages.Public.Comments;

/// <summary>One dossier open for comment: its public papers (the draft report) and the comment form.</summary>
[EnableRateLimiting(SubmitPublicComment.RateLimitPolicy)]
public sealed class DetailsModel : AppPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public SubmitPublicComment.Body Comment { get; set; } = new(null, null, null, null);

    public OpenForComment.OpenDossier Dossier { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var outcome = await SendAsync(new SubmitPublicComment.Command(Id, Comment),
            Under("Comment"));
        if (outcome.Value is not null)
        {
            Flash(Text["Cảm ơn bạn đã góp ý. Ý kiến đã được gửi tới Ủy ban nhân dân xã."]);
            return RedirectToPage(new { id = Id });
        }
        return outcome.Stop ?? await LoadAsync() ?? Page();
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var open = await SendAsync(new OpenForComment.Query(Id));
        if (open.Value is not [var dossier])
        {
            return open.Stop ?? NotFound();
        }
        Dossier = dossier;
        return null;
    }
}
