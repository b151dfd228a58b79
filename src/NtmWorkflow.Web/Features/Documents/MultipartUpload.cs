using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using NtmWorkflow.Web.Infrastructure;
using NtmWorkflow.Web.Storage;

namespace NtmWorkflow.Web.Features.Documents;

/// <summary>The parts of an upload: its form fields, and its one file already staged in storage.</summary>
public sealed record UploadParts(IReadOnlyDictionary<string, string> Fields, string FileName, StagedFile File);

/// <summary>Where an upload's fields and file come from: the API's streamed body, or a page's form.</summary>
public interface IUploadSource
{
    Task<UploadParts> ReadAsync(IDocumentStorage storage, long maxBytes, CancellationToken cancellationToken);
}

/// <summary>
/// Reads a multipart upload section by section, streaming the file straight into storage: the file is never held
/// in memory, and its hash and size are known the moment it has arrived.
/// </summary>
/// <param name="maxFieldLength">The longest form field taken, in characters (a batch's list of dossiers needs more than the default).</param>
public sealed class MultipartUpload(HttpRequest request, int maxFieldLength = MultipartUpload.DefaultMaxFieldLength) : IUploadSource
{
    public const int DefaultMaxFieldLength = 1000;

    /// <summary>Faults thrown by the multipart parser itself are the sender's; the same types from the disk are ours.</summary>
    private static readonly string? MultipartReaderAssembly = typeof(MultipartReader).Assembly.GetName().Name;

    public async Task<UploadParts> ReadAsync(IDocumentStorage storage, long maxBytes, CancellationToken cancellationToken)
    {
        var boundary = Boundary();
        var reader = new MultipartReader(boundary, request.Body);
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        (string Name, StagedFile File)? file = null;
        try
        {
            try
            {
                while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
                {
                    if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                    {
                        continue;
                    }
                    if (disposition.IsFileDisposition())
                    {
                        if (file is not null || disposition.Name.Value != "file")
                        {
                            throw ProblemException.BadRequest("file", "Mỗi lần tải lên chỉ một tệp, trong trường 'file'.");
                        }
                        var name = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : disposition.FileName.Value;
                        file = (name ?? "", await Stage(storage, section.Body, maxBytes, cancellationToken));
                    }
                    else if (disposition.Name.Value is { } field)
                    {
                        fields[field] = await ReadField(section, field, maxFieldLength, cancellationToken);
                    }
                }
            }
            catch (Exception e) when (e is IOException or InvalidDataException && e.Source == MultipartReaderAssembly)
            {
                // The body ended before its closing boundary, or a part's header broke the format (a bare CR or LF).
                throw ProblemException.BadRequest("file",
                    "Nội dung multipart/form-data không hợp lệ: thiếu phần kết thúc hoặc tiêu đề của một phần sai định dạng.");
            }
        }
        catch
        {
            if (file is { } staged)
            {
                storage.Discard(staged.File);
            }
            throw;
        }
        return file is { } received
            ? new UploadParts(fields, received.Name, received.File)
            : throw ProblemException.BadRequest("file", "Chưa có tệp nào được gửi lên (trường 'file').");
    }

    private string Boundary()
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            throw new ProblemException(StatusCodes.Status415UnsupportedMediaType,
                "Hãy gửi dạng multipart/form-data, tệp trong trường 'file'.");
        }
        return boundary;
    }

    /// <summary>Stages the bytes with the size limit enforced as they arrive; too many is a 413 naming the limit.</summary>
    public static async Task<StagedFile> Stage(IDocumentStorage storage, Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        try
        {
            return await storage.StageAsync(body, maxBytes, cancellationToken);
        }
        catch (FileTooLargeException e)
        {
            throw new ProblemException(StatusCodes.Status413PayloadTooLarge,
                $"Tệp vượt quá giới hạn {e.Limit / (1024 * 1024)} MB ({e.Limit:N0} byte).", "file");
        }
    }

    private static async Task<string> ReadField(MultipartSection section, string field, int maxLength, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(section.Body);
        var buffer = new char[maxLength + 1];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
        return read > maxLength
            ? throw ProblemException.BadRequest(field, $"Trường '{field}' dài tối đa {maxLength} ký tự.")
            : new string(buffer, 0, read).Trim();
    }
}

/// <summary>
/// An upload from a page's form: the framework has already read the form (the antiforgery check needs it) into a
/// temporary file, from which the bytes are staged like any other upload.
/// </summary>
public sealed class FormUpload(IFormFile? file, IReadOnlyDictionary<string, string> fields) : IUploadSource
{
    public async Task<UploadParts> ReadAsync(IDocumentStorage storage, long maxBytes, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            throw ProblemException.BadRequest("file", "Chưa chọn tệp để tải lên.");
        }
        await using var content = file.OpenReadStream();
        return new UploadParts(fields, file.FileName, await MultipartUpload.Stage(storage, content, maxBytes, cancellationToken));
    }
}
