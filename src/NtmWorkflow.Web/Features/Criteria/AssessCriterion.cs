using System.Text.Json;
using FluentValidation;
using MediatR;
using NtmWorkflow.Engine.Criteria;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Features.Dossiers;
using NtmWorkflow.Web.Features.Units;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Criteria;

/// <summary>The commune records its self-assessment of one criterion: met or not, indicator values, an explanation.</summary>
public static class AssessCriterion
{
    /// <param name="Values">Indicator code → true/false for yes-no indicators, a number for the others.</param>
    public sealed record Body(bool? Met, Dictionary<string, JsonElement>? Values, string? Explanation);

    public sealed record Command(Guid DossierId, int Number, Body Body) : IRequest<GetCriteria.CriteriaView>, IDossierRequest, ICommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Body.Met).NotNull().OverridePropertyName("met")
                .WithMessage("Cần ghi tiêu chí đạt hay chưa đạt (met: true hoặc false).");
            RuleFor(c => c.Body.Explanation).MaximumLength(Limits.Comment).OverridePropertyName("explanation")
                .WithMessage($"Giải trình dài tối đa {Limits.Comment} ký tự.");
            RuleFor(c => c.Body.Values).Custom((values, context) =>
            {
                foreach (var (code, value) in (values ?? []).Where(v => ToValue(v.Value) is null))
                {
                    context.AddFailure($"values.{code}", $"Giá trị của chỉ tiêu '{code}' phải là true/false hoặc một số.");
                }
            });
        }
    }

    internal sealed class Handler(AppDbContext db, DossierLookup dossiers, CommuneGroups groups, ICurrentActor actors, TimeProvider clock)
        : IRequestHandler<Command, GetCriteria.CriteriaView>
    {
        public async Task<GetCriteria.CriteriaView> Handle(Command command, CancellationToken cancellationToken)
        {
            var actor = await actors.RequireAsync(cancellationToken);
            var (dossier, definition, unit) = await dossiers.LoadAsync(command.DossierId, forUpdate: true, cancellationToken);
            var set = await dossiers.CriteriaAsync(dossier, cancellationToken);
            var claims = await dossiers.ClaimsAsync(dossier.Id, cancellationToken);
            var values = (command.Body.Values ?? []).ToDictionary(v => v.Key, v => ToValue(v.Value)!);
            // The group in force on the day the commune judges itself stays with the entry and judges it, whatever the
            // province decides later.
            var thresholds = await groups.ThresholdsAsync(dossier, unit, set, cancellationToken);
            var group = thresholds.Group ?? (await groups.OnAsync(unit.Code, groups.Today, cancellationToken))?.Group;
            var claim = new CriterionClaim(command.Number, command.Body.Met!.Value, values, group);
            var entry = dossier.AssessCriterion(definition, set, claim, command.Body.Explanation, claims, thresholds, actor,
                clock.GetUtcNow().UtcDateTime);
            db.CriterionEntries.Add(entry);
            return await GetCriteria.SaveAndBuildAsync(db, dossiers, groups, dossier, definition, unit, cancellationToken);
        }
    }

    private static IndicatorValue? ToValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => new IndicatorValue(true, null),
        JsonValueKind.False => new IndicatorValue(false, null),
        JsonValueKind.Number when value.TryGetDecimal(out var number) => new IndicatorValue(null, number),
        _ => null,
    };

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPut("/api/dossiers/{id:guid}/criteria/{number:int}",
                async (Guid id, int number, Body body, IMediator mediator, CancellationToken cancellationToken) =>
                    TypedResults.Ok(await mediator.Send(new Command(id, number, body), cancellationToken)))
            .WithTags("Criteria")
            .WithSummary("Xã tự đánh giá một tiêu chí");
}
