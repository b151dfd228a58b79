using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Features.Auth;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Pages.Account;

/// <summary>Signs an official in with the cookie the pages use, under the same checks and limits as the API.</summary>
[EnableRateLimiting(SignInLimits.AddressPolicy)]
public sealed class LoginModel(OfficialSignIn officials, SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public Credentials Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class Credentials
    {
        [Display(Name = "Tên đăng nhập")]
        [Required(ErrorMessage = "Cần nhập tên đăng nhập.")]
        [StringLength(Limits.Name, ErrorMessage = "Tên đăng nhập dài tối đa {1} ký tự.")]
        public string? UserName { get; set; }

        [Display(Name = "Mật khẩu")]
        [Required(ErrorMessage = "Cần nhập mật khẩu.")]
        [StringLength(Limits.Name, ErrorMessage = "Mật khẩu dài tối đa {1} ký tự.")]
        [DataType(DataType.Password)]
        public string? Password { get; set; }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var check = await officials.CheckAsync(Input.UserName!, Input.Password!, RateLimits.ClientAddress(HttpContext));
        if (check.User is { } user)
        {
            signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
            await signIn.SignInAsync(user, isPersistent: false);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }
        if (check.RetryAfter is { } wait)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            RetryAfterHeader.Set(Response, wait);
            ModelState.AddModelError("", text[SignInCheck.WaitFormat, SignInCheck.WaitMinutes(wait)]);
        }
        else
        {
            ModelState.AddModelError("", text[check.IsDeactivated ? SignInCheck.DeactivatedText : SignInCheck.RefusedText]);
        }
        return Page();
    }
}
