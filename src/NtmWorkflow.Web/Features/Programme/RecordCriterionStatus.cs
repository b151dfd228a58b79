using System.Text.Json;
using FluentValidation;
using MediatR;
using NtmWorkflow.Engine.Criteria;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Features.Criteria;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Programme;

/// <summary>
/// The commune officer records whether their commune meets one criterion in a year, with or without a dossier: a new
/// record that supersedes the current one and waits for the province's confirmation.
/// </summary>
public static class RecordCriterionStatus
{
    /// <param name="Values">Indicator code → true/false for yes-no indicators, a number for the others.</param>
    public sealed record Body(bool? Met, Dictionary<string, JsonElement>? Values, string? Note);

    public sealed record Command(string UnitCode, int Year, int Number, Body Body)
        : IRequest<GetCriteriaStatus.CriteriaStatusView>, IUnitRequest, ICommand
    {
        public IReadOnlyList<string> Roles => ProgrammeRoles.Recorders;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Body.Met).NotNull().OverridePropertyName("met")
                .WithMessage("Cần ghi tiêu chí đạt hay chưa đạt (met: true hoặc false).");
            RuleFor(c => c.Body.Note).MaximumLength(Limits.Comment).OverridePropertyName("note")
                .WithMessage($"Ghi chú dài tối đa {Limits.Comment} ký tự.");
            this.MustBeReadable(c => c.Body.Values);
        }
    }

    internal sealed class Handler(AppDbContext db, StatusYears years, CriterionStatusLog log, ICurrentActor actors, TimeProvider clock)
        : IRequestHandler<Command, GetCriteriaStatus.CriteriaStatusView>
    {
        public async Task<GetCriteriaStatus.CriteriaStatusView> Handle(Command command, CancellationToken cancellationToken)
        {
            var actor = await actors.RequireAsync(cancellationToken);
            var status = await years.ResolveAsync(command.UnitCode, command.Year, cancellationToken);
            var (thresholds, group) = await years.ThresholdsAsync(status, cancellationToken);
            var claim = new CriterionClaim(command.Number, command.Body.Met!.Value, IndicatorValues.ReadAll(command.Body.Values), group?.Group);
            var criterion = CriterionClaims.Check(status.Set, claim);
            await log.AppendAsync(new CriterionStatus(status.Unit, status.Year, status.Set.Id, claim.Number,
                CriteriaEvaluation.Holds(criterion, claim, thresholds), claim.Values, command.Body.Note, claim.Group,
                CriterionStatus.FromCommune, null, actor.UserName, clock.GetUtcNow().UtcDateTime), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await db.Database.CommitTransactionAsync(cancellationToken);
            return await GetCriteriaStatus.BuildAsync(db, years, status, actor, cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/api/communes/{code}/criteria-status/{year:int}/{number:int}",
                async (string code, int year, int number, Body body, IMediator mediator, CancellationToken cancellationToken) =>
                    TypedResults.Ok(await mediator.Send(new Command(code, year, number, body), cancellationToken)))
            .WithTags("Programme")
            .WithSummary("Xã ghi tình trạng một tiêu chí trong năm");
}
