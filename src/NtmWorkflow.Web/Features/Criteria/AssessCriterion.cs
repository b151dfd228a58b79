using System.Text.Json;
using FluentValidation;
using MediatR;
using NtmWorkflow.Engine.Criteria;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Features.Dossiers;
using NtmWorkflow.Web.Features.Programme;
using NtmWorkflow.Web.Features.Units;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Criteria;

/// <summary>The commune records its self-assessment of one criterion: met or not, indicator values, an explanation.</summary>
public static class AssessCriterion
{
    /// <param name="Values">Indicator code → true/false for yes-no indicators, a number for the others.</param>
    public sealed record Body(bool? Met, Dictionary<string, JsonElement>? Values, string? Explanation);

    public sealed record Command(Guid DossierId, int Number, Body Body) : IRequest<GetCriteria.CriteriaSaved>, IDossierRequest, ICommand
    {
        /// <summary>Answer with the dossier\'s new version alone (Prefer: return=minimal), not the criteria.</summary>
        public bool VersionOnly { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Body.Met).NotNull().OverridePropertyName("met")
                .WithMessage("Cần ghi tiêu chí đạt hay chưa đạt (met: true hoặc false).");
            RuleFor(c => c.Body.Explanation).MaximumLength(Limits.Comment).OverridePropertyName("explanation")
                .WithMessage($"Giải trình dài tối đa {Limits.Comment} ký tự.");
            this.MustBeReadable(c => c.Body.Values);
        }
    }

    internal sealed class Handler(
        AppDbContext db, DossierLookup dossiers, CommuneGroups groups, CriterionStatusLog statuses, ICurrentActor actors, TimeProvider clock)
        : IRequestHandler<Command, GetCriteria.CriteriaSaved>
    {
        public async Task<GetCriteria.CriteriaSaved> Handle(Command command, CancellationToken cancellationToken)
        {
            var actor = await actors.RequireAsync(cancellationToken);
            var (dossier, definition, unit) = await dossiers.LoadAsync(command.DossierId, forUpdate: true, cancellationToken);
            var set = await dossiers.CriteriaAsync(dossier, cancellationToken);
            var claims = await dossiers.ClaimsAsync(dossier.Id, cancellationToken);
            var values = IndicatorValues.ReadAll(command.Body.Values);
            // The group in force on the day the commune judges itself stays with the entry and judges it, whatever the
            // province decides later.
            var thresholds = await groups.ThresholdsAsync(dossier, unit, set, cancellationToken);
            var group = thresholds.Group ?? (await groups.OnAsync(unit.Code, groups.Today, cancellationToken))?.Group;
            var claim = new CriterionClaim(command.Number, command.Body.Met!.Value, values, group);
            var now = clock.GetUtcNow().UtcDateTime;
            var entry = dossier.AssessCriterion(definition, set, claim, command.Body.Explanation, claims, thresholds, actor, now);
            await db.AppendAsync(entry, cancellationToken);
            await statuses.RecordFromDossierAsync(dossier, unit, set, claim, command.Body.Explanation, thresholds, actor, now, cancellationToken);
            return await GetCriteria.SaveAndBuildAsync(db, dossiers, groups, dossier, definition, unit, command.VersionOnly, cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPut("/api/dossiers/{id:guid}/criteria/{number:int}",
                async (Guid id, int number, Body body, HttpContext http, IMediator mediator, CancellationToken cancellationToken) =>
                    GetCriteria.Answer(http, await mediator.Send(
                        new Command(id, number, body) { VersionOnly = ReturnPreference.WantsMinimal(http.Request) }, cancellationToken)))
            .HonoursReturnMinimal()
            .WithTags("Criteria")
            .WithSummary("Xã tự đánh giá một tiêu chí");
}
