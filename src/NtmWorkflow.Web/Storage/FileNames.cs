using System.Text;

namespace NtmWorkflow.Web.Storage;

/// <summary>
/// A display name that is safe anywhere it is shown or offered for download: no folders, no control characters, no
/// dots-only names, at most 200 characters, Vietnamese letters kept. Storage never uses it as a path.
/// </summary>
public static class FileNames
{
    private const int MaxLength = 200;

    public static string Sanitise(string? name, string contentType)
    {
        var candidate = (name ?? "").Replace('\\', '/');
        candidate = candidate[(candidate.LastIndexOf('/') + 1)..];
        var builder = new StringBuilder(candidate.Length);
        foreach (var c in candidate.Normalize(NormalizationForm.FormC))
        {
            builder.Append(char.IsControl(c) || Path.GetInvalidFileNameChars().Contains(c) || c is '"' or ':' or '*' or '?' or '<' or '>' or '|' ? '_' : c);
        }
        var cleaned = builder.ToString().Trim().Trim('.').Trim();
        var extension = ContentTypes.Extension(contentType);
        if (cleaned.Length == 0)
        {
            cleaned = "tai-lieu" + extension;
        }
        if (cleaned.Length > MaxLength)
        {
            var keep = Path.GetExtension(cleaned) is { Length: > 0 and <= 10 } ext ? ext : extension;
            cleaned = cleaned[..(MaxLength - keep.Length)] + keep;
        }
        return cleaned;
    }
}
