using System.Globalization;
using System.Text.Json;
using MediatR;
using NtmWorkflow.Engine.Transitions;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Features.Documents;
using NtmWorkflow.Web.Features.Dossiers;
using NtmWorkflow.Web.Infrastructure;
using NtmWorkflow.Web.Infrastructure.Pipeline;

namespace NtmWorkflow.Web.Features.Decisions;

/// <summary>
/// The province's signer records one signed decision for several dossiers of the province waiting at their decision
/// stage: number, date and signer once, the signed file once. The file is staged and checked first (no transaction is
/// held while it streams in); then, in one transaction, every dossier is checked again, gets the file as its decision
/// paper and moves by its own decision action, gates and version, or none does.
/// </summary>
public static class SignDecisionBatch
{
    /// <summary>The most dossiers one batch decides: a province's decision lists tens of communes, not thousands.</summary>
    public const int MaxDossiers = 200;

    /// <summary>Room for the <c>dossiers</c> field of <see cref="MaxDossiers"/> entries.</summary>
    public const int MaxFieldLength = 20_000;

    public sealed record Command(IUploadSource Upload) : IRequest<DecisionBatchView>, IAuthenticatedRequest;

    /// <summary>One dossier of the batch and the version the signer saw it at (JSON field <c>dossiers</c>).</summary>
    public sealed record Entry(Guid? Id, int? ExpectedVersion);

    private sealed record Fields(Decision Decision, IReadOnlyList<(Guid Id, int ExpectedVersion)> Dossiers);

    internal sealed class Handler(
        AppDbContext db, BatchDesk desk, PaperIntake intake, DossierPapers papers, DossierMover mover, DecisionNumbers numbers,
        DecisionBatchViews views, ICurrentActor actors, TimeProvider clock)
        : IRequestHandler<Command, DecisionBatchView>
    {
        public async Task<DecisionBatchView> Handle(Command command, CancellationToken cancellationToken)
        {
            var actor = await actors.RequireAsync(cancellationToken);
            var (province, roles) = await desk.ProvinceOfSignerAsync(actor, cancellationToken);
            return await intake.TakeAsync(command.Upload,
                async parts =>
                {
                    var fields = Parse(parts);
                    // Checked before the file is kept, so a refused batch leaves nothing in the store.
                    await desk.CheckAsync(province, roles, fields.Dossiers, forUpdate: false, cancellationToken);
                    await numbers.EnsureFreeAsync(province.Path, fields.Decision.Number, fields.Decision.Date, null, null, cancellationToken);
                    return fields;
                },
                async (fields, paper) =>
                {
                    db.ChangeTracker.Clear();
                    await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                    var members = await desk.CheckAsync(province, roles, fields.Dossiers, forUpdate: true, cancellationToken);
                    var batch = new DecisionBatch(province.Code, fields.Decision, paper.FileName, paper.File.Sha256, members.Count, actor,
                        clock.GetUtcNow().UtcDateTime);
                    await numbers.EnsureFreeAsync(province.Path, batch.Number, batch.Date, batch.Id, null, cancellationToken);
                    db.DecisionBatches.Add(batch);
                    await db.SaveChangesAsync(cancellationToken);
                    var offenders = new List<BatchOffender>();
                    foreach (var member in members)
                    {
                        try
                        {
                            await DecideAsync(member, batch, paper, actor, cancellationToken);
                        }
                        catch (ProblemException refused)
                        {
                            offenders.Add(new BatchOffender(member.Dossier.Id, member.Unit.Name, refused.Message));
                        }
                    }
                    if (offenders.Count > 0)
                    {
                        throw BatchDesk.Refused(offenders);
                    }
                    await transaction.CommitAsync(cancellationToken);
                    return await views.ViewAsync(batch, cancellationToken);
                },
                cancellationToken);
        }

        /// <summary>Files the signed decision as the dossier's paper (its gates read it), then moves it by its decision action.</summary>
        private async Task DecideAsync(BatchMember member, DecisionBatch batch, ReceivedPaper paper, Actor actor, CancellationToken cancellationToken)
        {
            var dossier = member.Dossier;
            dossier.AssignDecisionBatch(batch.Id);
            if (DecisionStages.PaperType(member.Action) is { } type)
            {
                await papers.AttachAsync(dossier, member.Definition, type, paper, [], actor, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
            }
            var comment = $"Quyết định chung số {batch.Number} ngày {batch.Date:dd/MM/yyyy} cho {batch.Count} hồ sơ (mã {batch.Id}).";
            await mover.MoveAsync(dossier, member.Definition, member.Unit, member.Action.Name,
                new ActionInput(comment, null, batch.Decision, null), actor, dossier.Version, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static Fields Parse(IReadOnlyDictionary<string, string> parts)
    {
        var errors = new Dictionary<string, string[]>();
        var number = Text(parts, "number", "Cần số quyết định (number)", errors);
        var signer = Text(parts, "signer", "Cần người ký quyết định (signer)", errors);
        var date = DateOnly.TryParseExact(parts.GetValueOrDefault("date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? parsed
            : Fail<DateOnly>(errors, "date", "Cần ngày ký quyết định (date, dạng yyyy-MM-dd).");
        var dossiers = Dossiers(parts.GetValueOrDefault("dossiers"), errors);
        return errors.Count > 0
            ? throw new RequestValidationException(errors)
            : new Fields(new Decision(number!, date, signer!), dossiers);
    }

    private static string? Text(IReadOnlyDictionary<string, string> parts, string field, string message, Dictionary<string, string[]> errors) =>
        parts.GetValueOrDefault(field) is { Length: > 0 and <= Limits.Name } text
            ? text
            : Fail<string>(errors, field, $"{message}, tối đa {Limits.Name} ký tự.");

    /// <summary>The <c>dossiers</c> field: a JSON array of {"id", "expectedVersion"}, 1 to <see cref="MaxDossiers"/>, each once.</summary>
    private static List<(Guid Id, int ExpectedVersion)> Dossiers(string? field, Dictionary<string, string[]> errors)
    {
        const string Shape = "Trường 'dossiers' là mảng JSON các hồ sơ dạng {\"id\": \"…\", \"expectedVersion\": 3}";
        List<Entry>? entries;
        try
        {
            entries = field is null ? null : JsonSerializer.Deserialize<List<Entry>>(field, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            entries = null;
        }
        if (entries is null || entries.Any(e => e?.Id is null || e.ExpectedVersion is null))
        {
            return Fail<List<(Guid, int)>>(errors, "dossiers", $"{Shape}, mỗi hồ sơ có đủ id và expectedVersion.") ?? [];
        }
        if (entries.Count is 0 or > MaxDossiers)
        {
            return Fail<List<(Guid, int)>>(errors, "dossiers", $"Chọn từ 1 đến {MaxDossiers} hồ sơ cho một quyết định chung.") ?? [];
        }
        var repeated = entries.GroupBy(e => e.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        return repeated.Count > 0
            ? Fail<List<(Guid, int)>>(errors, "dossiers", $"Mỗi hồ sơ chỉ chọn một lần (lặp lại: {string.Join(", ", repeated)}).") ?? []
            : entries.Select(e => (e.Id!.Value, e.ExpectedVersion!.Value)).ToList();
    }

    private static T? Fail<T>(Dictionary<string, string[]> errors, string field, string message)
    {
        errors[field] = [message];
        return default;
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/api/decision-batches", async (HttpRequest request, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var batch = await mediator.Send(new Command(new MultipartUpload(request, MaxFieldLength)), cancellationToken);
                return TypedResults.Created($"/api/decision-batches/{batch.Id}", batch);
            })
            .WithTags("Decisions")
            .WithSummary("Ký một quyết định chung cho nhiều hồ sơ của tỉnh (multipart: number, date, signer, dossiers, file)")
            .DisableAntiforgery()
            .WithMetadata(new MultipartForm(
                new FormField("number", "Số quyết định."),
                new FormField("date", "Ngày ký, dạng yyyy-MM-dd."),
                new FormField("signer", "Người ký."),
                new FormField("dossiers", "Mảng JSON các hồ sơ: [{\"id\": \"…\", \"expectedVersion\": 3}]."),
                new FormField("file", "Bản quyết định đã ký.", IsFile: true)))
            .WithMetadata(new Microsoft.AspNetCore.Mvc.DisableRequestSizeLimitAttribute());
}
