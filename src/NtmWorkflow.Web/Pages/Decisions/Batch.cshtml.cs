using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using NtmWorkflow.Web.Features;
using NtmWorkflow.Web.Features.Decisions;
using NtmWorkflow.Web.Features.Documents;

namespace NtmWorkflow.Web.Pages.Decisions;

/// <summary>
/// The province leader chooses dossiers waiting for their decision, enters the decision once and uploads it once; the
/// page sends the same command as POST /api/decision-batches.
/// </summary>
[RequestSizeLimit(Dossiers.DetailsModel.UploadLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = Dossiers.DetailsModel.UploadLimit)]
public sealed class BatchModel : AppPageModel
{
    /// <summary>Each chosen dossier as "{id}:{version}", the version it was listed at.</summary>
    [BindProperty] public List<string> Selected { get; set; } = [];

    [BindProperty] public string? Number { get; set; }

    [BindProperty] public string? Date { get; set; }

    [BindProperty] public string? Signer { get; set; }

    public IReadOnlyList<ListBatchCandidates.Candidate> Candidates { get; private set; } = [];

    public Paged<ListDecisionBatches.Summary>? Batches { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync(IFormFile? file)
    {
        var fields = new Dictionary<string, string>
        {
            ["number"] = Number?.Trim() ?? "",
            ["date"] = Date ?? "",
            ["signer"] = Signer?.Trim() ?? "",
            ["dossiers"] = JsonSerializer.Serialize(Selected.Select(Entry), JsonSerializerOptions.Web),
        };
        var outcome = await SendAsync(new SignDecisionBatch.Command(new FormUpload(file, fields)), FormField);
        if (outcome.Value is { } batch)
        {
            Flash(Text["Đã ký quyết định chung số {0} cho {1} hồ sơ.", batch.Number, batch.Count]);
            return RedirectToPage("/Decisions/BatchDetails", new { id = batch.Id });
        }
        return outcome.Stop ?? await LoadAsync() ?? Page();
    }

    public bool IsSelected(ListBatchCandidates.Candidate candidate) => Selected.Contains(Value(candidate));

    public static string Value(ListBatchCandidates.Candidate candidate) => $"{candidate.Id}:{candidate.Version}";

    /// <summary>"{id}:{version}" as the API's entry; a value tampered with is sent as it is, for the API to refuse.</summary>
    private static object Entry(string value)
    {
        var parts = value.Split(':');
        return parts.Length == 2 && Guid.TryParse(parts[0], out var id) && int.TryParse(parts[1], out var version)
            ? new { id, expectedVersion = version }
            : new { id = (Guid?)null, expectedVersion = (int?)null };
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var candidates = await SendAsync(new ListBatchCandidates.Query());
        if (candidates.Stop is { } stop)
        {
            return stop;
        }
        Candidates = candidates.Value ?? [];
        Batches = (await SendAsync(new ListDecisionBatches.Query(1, Paging.DefaultPageSize))).Value;
        return null;
    }

    private static string FormField(string? field) => field switch
    {
        "number" => nameof(Number),
        "date" or "decision.date" => nameof(Date),
        "signer" => nameof(Signer),
        "dossiers" => nameof(Selected),
        "file" => "File",
        _ => "",
    };
}
