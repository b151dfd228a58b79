using System.Globalization;
using System.Text;
using Microsoft.Net.Http.Headers;
using NtmWorkflow.Web.Storage;

namespace NtmWorkflow.Web.Features.Drafts;

/// <summary>
/// A drafted paper sent as a DOCX download, named by the paper and its unit: in Vietnamese (filename*, RFC 5987) and,
/// for clients that read only the plain name, the same name with its accents folded to ASCII.
/// </summary>
public sealed class DraftDownload(byte[] content, string fileStem) : IResult
{
    /// <summary>The Vietnamese file name, with the extension of a Word document.</summary>
    public string FileName { get; } = FileNames.Sanitise(fileStem.Replace('/', '-') + ".docx", ContentTypes.Docx);

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
        {
            FileName = AsciiName(FileName),
            FileNameStar = FileName,
        }.ToString();
        return TypedResults.File(content, ContentTypes.Docx).ExecuteAsync(httpContext);
    }

    /// <summary>"Quyết định - Xã Tập Sơn.docx" → "Quyet dinh - Xa Tap Son.docx"; any other non-ASCII letter becomes "_".</summary>
    public static string AsciiName(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c is >= ' ' and <= '~' and not ('"' or '\\') ? c : '_');
            }
        }
        return builder.ToString();
    }
}
