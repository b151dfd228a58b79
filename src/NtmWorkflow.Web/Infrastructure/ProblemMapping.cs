using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NtmWorkflow.Web.Infrastructure.Pipeline;
using NtmWorkflow.Web.Storage;

namespace NtmWorkflow.Web.Infrastructure;

/// <summary>
/// The one place exceptions become answers: every refusal is a ProblemDetails with a Vietnamese title and detail,
/// and only a genuine fault of ours is a 500.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ProblemException e => WithExtensions(Problem(e.Status, e.Message), e),
            RequestValidationException e => new ValidationProblemDetails(e.Errors)
            {
                Status = StatusCodes.Status400BadRequest,
                Detail = string.Join(" ", e.Errors.Values.SelectMany(m => m)),
            },
            BadHttpRequestException e => Problem(e.StatusCode, BadRequestDetail(e)),
            DbUpdateConcurrencyException => Problem(StatusCodes.Status409Conflict, StaleWrite),
            DbUpdateException e when IsUniqueViolation(e) => Problem(StatusCodes.Status409Conflict, StaleWrite),
            _ when DatabaseOutage.IsOutage(exception) => Problem(StatusCodes.Status503ServiceUnavailable, DatabaseOutage.Detail),
            StorageUnavailableException => Problem(StatusCodes.Status503ServiceUnavailable,
                "Kho tài liệu tạm thời không truy cập được; vui lòng thử lại sau ít phút."),
            _ => null,
        };
        if (problem is null)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
            problem = Problem(StatusCodes.Status500InternalServerError, "Đã xảy ra lỗi hệ thống. Vui lòng thử lại hoặc báo quản trị viên.");
        }
        context.Response.StatusCode = problem.Status!.Value;
        if (RetryAfter(exception, problem.Status.Value) is { } retryAfter)
        {
            RetryAfterHeader.Set(context.Response, retryAfter);
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private const string StaleWrite = "Hồ sơ vừa được người khác cập nhật; thao tác của bạn chưa được ghi. Hãy tải lại hồ sơ.";

    private static TimeSpan? RetryAfter(Exception exception, int status) => exception switch
    {
        ProblemException { RetryAfter: { } retryAfter } => retryAfter,
        _ when status == StatusCodes.Status503ServiceUnavailable => DatabaseOutage.RetryAfter,
        _ => null,
    };

    private static ProblemDetails Problem(int status, string detail) => new() { Status = status, Detail = detail };

    private static ProblemDetails WithExtensions(ProblemDetails problem, ProblemException e)
    {
        if (e.Field is not null)
        {
            problem.Extensions["field"] = e.Field;
        }
        foreach (var (name, value) in e.Extensions)
        {
            problem.Extensions[name] = value;
        }
        return problem;
    }

    private static string BadRequestDetail(BadHttpRequestException e) => e switch
    {
        { StatusCode: StatusCodes.Status413PayloadTooLarge } => "Nội dung gửi lên vượt quá giới hạn cho phép.",
        { StatusCode: StatusCodes.Status415UnsupportedMediaType } => ProblemTitles.UnsupportedMediaType,
        { InnerException: JsonException json } => $"Nội dung JSON không hợp lệ: {json.Path} (dòng {json.LineNumber + 1}).",
        _ => "Yêu cầu không hợp lệ: nội dung hoặc tham số không đọc được.",
    };

    private static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}

internal static class ProblemTitles
{
    public const string UnsupportedMediaType = "Định dạng nội dung không được hỗ trợ; hãy gửi application/json.";

    /// <summary>Vietnamese titles for every status, including those written by the framework (401 from auth).</summary>
    public static void Apply(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Title = problem.Status switch
        {
            400 => "Dữ liệu không hợp lệ",
            401 => "Chưa đăng nhập",
            403 => "Không được phép",
            404 => "Không tìm thấy",
            409 => "Không thể thực hiện ở trạng thái hiện tại",
            413 => "Nội dung quá lớn",
            415 => "Định dạng không được hỗ trợ",
            405 => "Phương thức không được hỗ trợ",
            429 => "Gửi quá nhiều lần",
            500 => "Lỗi hệ thống",
            503 => "Dịch vụ tạm thời gián đoạn",
            _ => problem.Title,
        };
        problem.Detail ??= problem.Status switch
        {
            401 => "Bạn cần đăng nhập để thực hiện thao tác này.",
            403 => "Bạn không có quyền thực hiện thao tác này.",
            404 => "Không tìm thấy địa chỉ được yêu cầu.",
            405 => "Phương thức không được hỗ trợ cho địa chỉ này.",
            415 => UnsupportedMediaType,
            429 => "Bạn đã gửi quá nhiều lần trong thời gian ngắn; vui lòng thử lại sau ít phút.",
            500 => "Đã xảy ra lỗi hệ thống. Vui lòng thử lại hoặc báo quản trị viên.",
            503 => DatabaseOutage.Detail,
            _ => null,
        };
    }
}
