using Microsoft.AspNetCore.Identity;
using NtmWorkflow.Web.Domain;

namespace NtmWorkflow.Web.Infrastructure;

/// <summary>Only active officials may sign in: Identity asks this before every sign-in (RequireConfirmedAccount).</summary>
internal sealed class ActiveUsers : IUserConfirmation<AppUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<AppUser> manager, AppUser user) => Task.FromResult(user.Active);
}

/// <summary>Identity's refusals in Vietnamese, for the ones an administrator or official can meet.</summary>
internal sealed class VietnameseIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), $"Mật khẩu cần ít nhất {length} ký tự.");

    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "Mật khẩu cần có chữ số (0–9).");

    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "Mật khẩu cần có chữ thường (a–z).");

    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "Mật khẩu cần có chữ hoa (A–Z).");

    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        Error(nameof(PasswordRequiresNonAlphanumeric), "Mật khẩu cần có ký tự đặc biệt (ví dụ - _ ! @).");

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(nameof(PasswordRequiresUniqueChars), $"Mật khẩu cần ít nhất {uniqueChars} ký tự khác nhau.");

    public override IdentityError DuplicateUserName(string userName) =>
        Error(nameof(DuplicateUserName), $"Tên đăng nhập '{userName}' đã có người dùng.");

    public override IdentityError InvalidUserName(string? userName) =>
        Error(nameof(InvalidUserName), $"Tên đăng nhập '{userName}' chỉ gồm chữ không dấu, chữ số và các dấu . - _ @.");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
