using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;

namespace NtmWorkflow.Web.Pages.Account;

/// <summary>Signs an official in with the cookie the pages use; five wrong passwords lock the account for a while.</summary>
public sealed class LoginModel(SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> text) : PageModel
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
        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        var result = await signIn.PasswordSignInAsync(Input.UserName!.Trim(), Input.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }
        ModelState.AddModelError("", result.IsLockedOut
            ? text["Tài khoản tạm thời bị khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau 15 phút."]
            : result.IsNotAllowed
                ? text["Tài khoản đã bị vô hiệu hóa; hãy liên hệ quản trị viên."]
                : text["Tên đăng nhập hoặc mật khẩu không đúng."]);
        return Page();
    }
}
