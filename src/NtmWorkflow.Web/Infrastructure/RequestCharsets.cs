using System.Text;
using Microsoft.Net.Http.Headers;

namespace NtmWorkflow.Web.Infrastructure;

/// <summary>
/// A body declared in a character set nobody knows (<c>application/json; charset=bogus</c>, or an empty one) cannot be
/// read: refuse it as 415 before an endpoint tries, instead of letting the framework's reader fail with a 500.
/// </summary>
internal static class RequestCharsets
{
    public static IApplicationBuilder UseKnownRequestCharsets(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var mediaType) && mediaType.Charset.HasValue)
        {
            var charset = HeaderUtilities.RemoveQuotes(mediaType.Charset).Value ?? "";
            if (charset.Length == 0 || !IsKnown(charset))
            {
                throw new ProblemException(StatusCodes.Status415UnsupportedMediaType,
                    $"Bảng mã '{Truncate(charset)}' trong Content-Type không được hỗ trợ; hãy gửi nội dung mã hóa UTF-8.");
            }
            if (charset != mediaType.Charset.Value)
            {
                // charset="utf-8" is as legal as charset=utf-8, but the framework's JSON reader only knows the bare form.
                mediaType.Charset = charset;
                context.Request.ContentType = mediaType.ToString();
            }
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
