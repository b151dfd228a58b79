using Microsoft.Extensions.Options;
using NtmWorkflow.Web.Infrastructure;
using NtmWorkflow.Web.Storage;

namespace NtmWorkflow.Web.Features.Documents;

/// <summary>A received file that passed as a paper: not empty, of a type the content shows, named safely, in the store.</summary>
public sealed record ReceivedPaper(string FileName, string ContentType, StagedFile File);

/// <summary>
/// Takes an upload's file into the content-addressed store: staged while it streams in, checked against the sender's
/// other fields, then checked as a paper and promoted, and only then recorded. A file refused on the way is discarded,
/// so no blob is left that no row names (the cleanup removes one whose recording failed later).
/// </summary>
internal sealed class PaperIntake(IDocumentStorage storage, IOptions<StorageOptions> options)
{
    public async Task<T> TakeAsync<TChecked, T>(
        IUploadSource upload, Func<IReadOnlyDictionary<string, string>, Task<TChecked>> checkFields,
        Func<TChecked, ReceivedPaper, Task<T>> record, CancellationToken cancellationToken)
    {
        var parts = await upload.ReadAsync(storage, options.Value.MaxFileBytes, cancellationToken);
        var promoted = false;
        try
        {
            var checkedFields = await checkFields(parts.Fields);
            if (parts.File.Size == 0)
            {
                throw ProblemException.BadRequest("file", "Tệp rỗng (0 byte): hãy chọn lại tệp.");
            }
            var contentType = ContentTypes.Sniff(parts.File.Path, parts.FileName)
                ?? throw new ProblemException(StatusCodes.Status415UnsupportedMediaType,
                    "Nội dung tệp không phải PDF, Word, Excel, JPEG, PNG hay TIFF (hệ thống kiểm tra nội dung, không dựa vào tên tệp).", "file");
            var paper = new ReceivedPaper(FileNames.Sanitise(parts.FileName, contentType), contentType, parts.File);
            storage.Promote(parts.File);
            promoted = true;
            return await record(checkedFields, paper);
        }
        finally
        {
            if (!promoted)
            {
                storage.Discard(parts.File);
            }
        }
    }
}
