using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Engine.Transitions;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Features.Dossiers;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Decisions;

/// <summary>
/// The official who signs a dossier's decision corrects its number, date or signer with a reason; the registry shows
/// the corrected values and the timeline keeps the old ones.
/// </summary>
public static class CorrectDecision
{
    public sealed record Body(int? ExpectedVersion, string? Number, DateOnly? Date, string? Signer, string? Reason);

    public sealed record Command(Guid DossierId, Body Body) : IRequest<DossierView>, IDossierRequest, ICommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Body.ExpectedVersion).NotNull().OverridePropertyName("expectedVersion")
                .WithMessage("Cần phiên bản hồ sơ đang xem (expectedVersion).");
            RuleFor(c => c.Body.Number).RequiredText(Limits.Name).OverridePropertyName("number")
                .WithMessage($"Cần số quyết định sau đính chính (number), tối đa {Limits.Name} ký tự.");
            RuleFor(c => c.Body.Date).NotNull().OverridePropertyName("date")
                .WithMessage("Cần ngày ký sau đính chính (date, dạng yyyy-MM-dd).");
            RuleFor(c => c.Body.Signer).RequiredText(Limits.Name).OverridePropertyName("signer")
                .WithMessage($"Cần người ký sau đính chính (signer), tối đa {Limits.Name} ký tự.");
            RuleFor(c => c.Body.Reason).RequiredText(Limits.Comment).OverridePropertyName("reason")
                .WithMessage($"Cần lý do đính chính (reason), tối đa {Limits.Comment} ký tự.");
        }
    }

    internal sealed class Handler(
        AppDbContext db, DossierLookup dossiers, RecognitionRegister recognitions, DecisionNumbers numbers, ICurrentActor actors,
        TimeProvider clock)
        : IRequestHandler<Command, DossierView>
    {
        public async Task<DossierView> Handle(Command command, CancellationToken cancellationToken)
        {
            var actor = await actors.RequireAsync(cancellationToken);
            var (dossier, definition, unit) = await dossiers.LoadAsync(command.DossierId, forUpdate: true, cancellationToken);
            var body = command.Body;
            var lastVoteAt = await dossiers.LastVoteAtAsync(dossier.Id, cancellationToken);
            var corrected = new Decision(body.Number!.Trim(), body.Date!.Value, body.Signer!.Trim());
            dossier.CorrectDecision(definition, corrected, body.Reason!.Trim(), actor, body.ExpectedVersion!.Value, clock.GetUtcNow().UtcDateTime,
                lastVoteAt);
            await KeepBatchAsync(dossier, corrected, cancellationToken);
            await numbers.EnsureFreeAsync(dossier.UnitPath, corrected.Number, corrected.Date, dossier.DecisionBatchId, dossier.Id, cancellationToken);
            await recognitions.RecordAsync(dossier, unit, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return await dossiers.ViewAsync(dossier, definition, unit, actor, cancellationToken);
        }

        /// <summary>
        /// A member of a batch decision corrected to another number leaves the batch (it now has a decision of its own);
        /// kept at the batch's number, it must keep the batch's date and signer, for one number is one decision.
        /// </summary>
        private async Task KeepBatchAsync(Domain.Dossier dossier, Decision corrected, CancellationToken cancellationToken)
        {
            if (dossier.DecisionBatchId is not { } batchId)
            {
                return;
            }
            var batch = await db.DecisionBatches.AsNoTracking().SingleAsync(b => b.Id == batchId, cancellationToken);
            if (!DecisionNumbers.Same(batch.Number, corrected.Number))
            {
                dossier.AssignDecisionBatch(null);
            }
            else if (batch.Date != corrected.Date || batch.Signer != corrected.Signer)
            {
                throw ProblemException.Conflict(
                    $"Hồ sơ thuộc quyết định chung số {batch.Number} ngày {batch.Date:dd/MM/yyyy}, người ký {batch.Signer}: "
                    + "giữ số này thì ngày ký và người ký phải như quyết định chung.").With("field", "number");
            }
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/api/dossiers/{id:guid}/decision/corrections",
                async (Guid id, Body body, IMediator mediator, CancellationToken cancellationToken) =>
                    TypedResults.Ok(await mediator.Send(new Command(id, body), cancellationToken)))
            .WithTags("Dossiers")
            .WithSummary("Đính chính số, ngày ký hoặc người ký của quyết định đã ghi nhận (kèm lý do)");
}
