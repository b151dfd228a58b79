using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NtmWorkflow.Web.Pages;

/// <summary>Where the sign-in cookie sends a signed-in official who may not open a page; answered with 403.</summary>
public sealed class AccessDeniedModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
