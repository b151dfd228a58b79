using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace NtmWorkflow.Web.Pages;

/// <summary>
/// What a bare status code means, in words, for a page rather than the API (which answers ProblemDetails). A post to
/// an address that does not exist is re-executed here as a post: it carries no antiforgery token, and needs none to
/// be told 404.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel(IStringLocalizer<SharedResource> text) : PageModel
{
    public string Title { get; private set; } = "";

    public string Explanation { get; private set; } = "";

    public void OnPost(int? code) => OnGet(code);

    public void OnGet(int? code)
    {
        (Title, Explanation) = code switch
        {
            StatusCodes.Status403Forbidden => (text["Không được phép"],
                text["Bạn không có quyền xem hoặc thao tác trên trang này: hồ sơ thuộc đơn vị ngoài phạm vi của bạn, hoặc việc này không dành cho vai trò của bạn."]),
            StatusCodes.Status404NotFound => (text["Không tìm thấy"], text["Trang hoặc hồ sơ bạn tìm không tồn tại."]),
            StatusCodes.Status429TooManyRequests => (text["Gửi quá nhiều lần"],
                text["Bạn đã gửi quá nhiều lần trong thời gian ngắn; vui lòng thử lại sau ít phút."]),
            StatusCodes.Status400BadRequest => (text["Yêu cầu không hợp lệ"],
                text["Biểu mẫu đã hết hạn hoặc không hợp lệ. Hãy tải lại trang và thử lại."]),
            _ => (text["Đã xảy ra lỗi"], text["Vui lòng thử lại hoặc báo quản trị viên."]),
        };
        // Opened directly, the page answers with the error it explains, never with a status that is not an error.
        if (code is int status and >= 400 and <= 599 && HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
        {
            Response.StatusCode = status;
        }
    }
}
