using NtmWorkflow.Web.Features.Public;

namespace NtmWorkflow.Web.Pages.Public.Comments;

/// <summary>The dossiers open for public comment now, for anyone, without signing in.</summary>
public sealed class IndexModel : AppPageModel
{
    public IReadOnlyList<OpenForComment.OpenDossier> Open { get; private set; } = [];

    public async Task OnGetAsync() => Open = await Mediator.Send(new OpenForComment.Query());
}
