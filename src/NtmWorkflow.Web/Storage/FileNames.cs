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
            var keep = HasTypeExtension(cleaned, contentType) ? Path.GetExtension(cleaned) : extension;
            cleaned = cleaned[..(MaxLength - keep.Length)] + keep;
        }
        return WithTypeExtension(cleaned, contentType);
    }

    /// <summary>
    /// The name ends in an extension of its sniffed type (a PDF named <c>evil.html</c> is offered as
    /// <c>evil.html.pdf</c>), so no browser or desktop opens the bytes as something they are not.
    /// </summary>
    public static string WithTypeExtension(string name, string contentType) =>
        HasTypeExtension(name, contentType) ? name : name + ContentTypes.Extension(contentType);

    private static bool HasTypeExtension(string name, string contentType) =>
        ContentTypes.Extensions(contentType).Contains(Path.GetExtension(name).ToLowerInvariant());
}
