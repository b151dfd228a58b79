using Microsoft.AspNetCore.Mvc;
using NtmWorkflow.Web.Features;
using NtmWorkflow.Web.Features.Documents;
using NtmWorkflow.Web.Features.Imports;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Pages.Recognitions;

/// <summary>
/// Import of earlier recognitions for the administrator and province officials: the template, the upload and its check
/// report, the confirmation (offered only for a clean report) and the earlier imports. Sends the API's requests.
/// </summary>
public sealed class ImportModel : AppPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    public ImportReport? Report { get; private set; }

    public Paged<ListRecognitionImports.ImportSummary> Imports { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnGetTemplateAsync(string? format)
    {
        var template = await SendAsync(new DownloadImportTemplate.Query(format));
        return template.Value is { } file ? File(file.Content, file.ContentType, file.FileName) : template.Stop ?? BadRequest();
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file)
    {
        var outcome = await SendAsync(new UploadRecognitionImport.Command(new FormUpload(file, new Dictionary<string, string>())), _ => "Upload");
        if (outcome.Value is { } report)
        {
            Flash(report.Clean
                ? Text["Đã kiểm tra {0}: {1} dòng hợp lệ. Xem lại rồi xác nhận để nhập.", report.FileName, report.ValidRows]
                : Text["Đã kiểm tra {0}: {1} lỗi. Sửa tệp rồi tải lên lại.", report.FileName, report.Problems.Count]);
            return RedirectToPage(new { id = report.Id });
        }
        return outcome.Stop ?? await LoadAsync() ?? Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync()
    {
        try
        {
            var report = await Mediator.Send(new ConfirmRecognitionImport.Command(Id!.Value), HttpContext.RequestAborted);
            Flash(Text["Đã nhập {0}: thêm {1} công nhận ({2} dòng đã có sẵn).", report.FileName, report.Added ?? 0, report.AlreadyPresent]);
            return RedirectToPage(new { id = report.Id });
        }
        catch (ProblemException e) when (e.Status == StatusCodes.Status409Conflict)
        {
            // The report of the check just made, which found what changed since the upload.
            ModelState.AddModelError("Confirm", e.Message);
            var refused = await LoadAsync();
            Report = e.Extensions.GetValueOrDefault("report") as ImportReport ?? Report;
            return refused ?? Page();
        }
        catch (ProblemException e) when (e.Status is StatusCodes.Status403Forbidden or StatusCodes.Status404NotFound)
        {
            return StatusCode(e.Status);
        }
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var imports = await SendAsync(new ListRecognitionImports.Query(null, 20));
        if (imports.Value is null)
        {
            return imports.Stop ?? Forbid();
        }
        Imports = imports.Value;
        if (Id is { } id)
        {
            var report = await SendAsync(new GetRecognitionImport.Query(id));
            if (report.Value is null)
            {
                return report.Stop ?? NotFound();
            }
            Report = report.Value;
        }
        return null;
    }
}
