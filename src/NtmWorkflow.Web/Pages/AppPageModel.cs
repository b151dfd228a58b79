using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NtmWorkflow.Web.Infrastructure;
using NtmWorkflow.Web.Infrastructure.Pipeline;

namespace NtmWorkflow.Web.Pages;

/// <summary>
/// A page sends the same MediatR requests as the API. A refusal becomes the page's answer: forbidden and not found
/// get their own pages, and anything the user can correct is shown beside the field, with the input kept.
/// </summary>
public abstract class AppPageModel : PageModel
{
    protected IMediator Mediator => HttpContext.RequestServices.GetRequiredService<IMediator>();

    protected IStringLocalizer<SharedResource> Text => HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();

    /// <summary>The messages recorded for a form field, for showing beside it.</summary>
    public string? ErrorFor(string field) =>
        ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : null;

    /// <summary>
    /// Sends the request; on a correctable refusal records it in ModelState under the form field that
    /// <paramref name="fieldKey"/> names for the API field, and returns no value.
    /// </summary>
    protected async Task<Outcome<T>> SendAsync<T>(IRequest<T> request, Func<string?, string>? fieldKey = null)
    {
        fieldKey ??= field => field ?? "";
        try
        {
            return new Outcome<T>(await Mediator.Send(request, HttpContext.RequestAborted), null);
        }
        catch (ProblemException e) when (e.Status is StatusCodes.Status403Forbidden or StatusCodes.Status404NotFound)
        {
            return new Outcome<T>(default, StatusCode(e.Status));
        }
        catch (ProblemException e)
        {
            ModelState.AddModelError(fieldKey(e.Field), e.Message);
        }
        catch (RequestValidationException e)
        {
            foreach (var (field, messages) in e.Errors)
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(fieldKey(field), message);
                }
            }
        }
        return new Outcome<T>(default, null);
    }

    /// <summary>Maps an API field ("text") to the form field bound under a prefix ("Comment.Text").</summary>
    protected static Func<string?, string> Under(string prefix) =>
        field => string.IsNullOrEmpty(field) ? "" : $"{prefix}.{char.ToUpperInvariant(field[0])}{field[1..]}";

    /// <summary>A message shown once on the next page, after a redirect.</summary>
    protected void Flash(string message) => TempData["Flash"] = message;
}

/// <summary>What a request gave: its value, or the page to answer with instead (403, 404); both null when refused with a message.</summary>
public sealed record Outcome<T>(T? Value, IActionResult? Stop);
