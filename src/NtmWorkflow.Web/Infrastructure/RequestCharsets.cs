using System.Text;
using Microsoft.Net.Http.Headers;

namespace NtmWorkflow.Web.Infrastructure;

/// <summary>
/// A body declared in a character set nobody knows (<c>application/json; charset=bogus</c>) cannot be read: refuse it
/// as 415 before an endpoint tries, instead of letting the framework's reader fail with a 500.
/// </summary>
internal static class RequestCharsets
{
    public static IApplicationBuilder UseKnownRequestCharsets(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var mediaType)
            && HeaderUtilities.RemoveQuotes(mediaType.Charset).Value is { Length: > 0 } charset && !IsKnown(charset))
        {
            throw new ProblemException(StatusCodes.Status415UnsupportedMediaType,
                $"Bảng mã '{Truncate(charset)}' trong Content-Type không được hỗ trợ; hãy gửi nội dung mã hóa UTF-8.");
        }
        return next(context);
    });

    private static bool IsKnown(string charset)
    {
        try
        {
            Encoding.GetEncoding(charset);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string Truncate(string charset) => charset.Length <= 40 ? charset : charset[..40] + "…";
}
