using Microsoft.AspNetCore.Mvc;
using NtmWorkflow.Engine.Criteria;
using NtmWorkflow.Web.Features.Units;

namespace NtmWorkflow.Web.Pages.Units;

/// <summary>
/// A commune's group (nhóm xã): the group in force today and every assignment recorded, and for the province appraiser
/// or an administrator the form that records a new one. Everyone else who can see the unit reads it.
/// </summary>
public sealed class GroupsModel(ICommuneGroupCodes codes) : AppPageModel
{
    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = "";

    [BindProperty]
    public AssignmentForm Form { get; set; } = new();

    public ListCommuneGroups.GroupsView Groups { get; private set; } = null!;

    public IReadOnlyList<CommuneGroup> Choices => codes.All;

    /// <summary>What the form posts; the rules are the API's (AssignCommuneGroup).</summary>
    public sealed class AssignmentForm
    {
        public string? Group { get; set; }

        public string? DecisionNumber { get; set; }

        public DateOnly? DecisionDate { get; set; }

        public DateOnly? ValidFrom { get; set; }

        public string? Note { get; set; }
    }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        // A date that could not be read as yyyy-MM-dd is refused beside its field before anything is sent.
        if (ModelState.IsValid)
        {
            var form = Form;
            var outcome = await SendAsync(
                new AssignCommuneGroup.Command(Code, new AssignCommuneGroup.Body(
                    form.Group, form.DecisionNumber, form.DecisionDate, form.ValidFrom, string.IsNullOrWhiteSpace(form.Note) ? null : form.Note)),
                field => field is null or "unitCode" ? "" : Under(nameof(Form))(field));
            if (outcome.Stop is not null)
            {
                return outcome.Stop;
            }
            if (outcome.Value is { } recorded)
            {
                Flash(Text["Đã ghi {0} từ ngày {1}.", recorded.GroupName, Display.Date(recorded.ValidFrom)]);
                return RedirectToPage(new { code = Code });
            }
        }
        return await LoadAsync() ?? Page();
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var groups = await SendAsync(new ListCommuneGroups.Query(Code));
        if (groups.Value is null)
        {
            return groups.Stop ?? NotFound();
        }
        Groups = groups.Value;
        return null;
    }
}
