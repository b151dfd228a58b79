using System.Globalization;
using System.Text;

namespace NtmWorkflow.Web.Domain;

/// <summary>
/// Folds Vietnamese text to lower case without diacritics ("Xã Tân Hội" → "xa tan hoi"), so searches match
/// however the name is typed and on every database, whose own case folding ignores most of Vietnamese.
/// </summary>
public static class TextSearch
{
    public static string Normalize(string text)
    {
        var decomposed = text.Trim().ToLowerInvariant().Replace('đ', 'd').Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark))
        {
            builder.Append(c);
        }
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
