using FluentValidation;
using MediatR;
using NtmWorkflow.Engine.Criteria;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Features.Dossiers;
using NtmWorkflow.Web.Features.Units;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Criteria;

/// <summary>The commune records the conditions of recognition besides the criteria.</summary>
public static class UpdateConditions
{
    public sealed record Body(
        decimal? SatisfactionPercent,
        decimal? ConstructionDebtVnd,
        bool? SecurityStable,
        decimal? IncomeAboveNangCaoPercent,
        int? SmartHamlets,
        string? StandoutField);

    public sealed record Command(Guid DossierId, Body Body) : IRequest<GetCriteria.CriteriaSaved>, IDossierRequest, ICommand
    {
        /// <summary>Answer with the dossier\'s new version alone (Prefer: return=minimal), not the criteria.</summary>
        public bool VersionOnly { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Body.SatisfactionPercent).InclusiveBetween(0, 100)
                .WithMessage("Tỷ lệ người dân hài lòng (satisfactionPercent) phải từ 0 đến 100.")
                .OverridePropertyName("satisfactionPercent");
            RuleFor(c => c.Body.ConstructionDebtVnd).GreaterThanOrEqualTo(0)
                .WithMessage("Nợ đọng xây dựng cơ bản (constructionDebtVnd) không được âm.")
                .OverridePropertyName("constructionDebtVnd");
            RuleFor(c => c.Body.IncomeAboveNangCaoPercent).InclusiveBetween(-100, 1000)
                .WithMessage("Mức thu nhập cao hơn xã nâng cao (incomeAboveNangCaoPercent) phải từ -100 đến 1000 (%).")
                .OverridePropertyName("incomeAboveNangCaoPercent");
            RuleFor(c => c.Body.SmartHamlets).GreaterThanOrEqualTo(0)
                .WithMessage("Số thôn thông minh (smartHamlets) không được âm.")
                .OverridePropertyName("smartHamlets");
            RuleFor(c => c.Body.StandoutField).MaximumLength(Limits.Text)
                .WithMessage($"Lĩnh vực nổi trội (standoutField) dài tối đa {Limits.Text} ký tự.")
                .OverridePropertyName("standoutField");
        }
    }

    internal sealed class Handler(AppDbContext db, DossierLookup dossiers, CommuneGroups groups, ICurrentActor actors, TimeProvider clock)
        : IRequestHandler<Command, GetCriteria.CriteriaSaved>
    {
        public async Task<GetCriteria.CriteriaSaved> Handle(Command command, CancellationToken cancellationToken)
        {
            var actor = await actors.RequireAsync(cancellationToken);
            var (dossier, definition, unit) = await dossiers.LoadAsync(command.DossierId, forUpdate: true, cancellationToken);
            var b = command.Body;
            var conditions = new RecognitionConditions(
                b.SatisfactionPercent, b.ConstructionDebtVnd, b.SecurityStable, b.IncomeAboveNangCaoPercent, b.SmartHamlets, b.StandoutField);
            dossier.UpdateConditions(definition, conditions, actor, clock.GetUtcNow().UtcDateTime);
            return await GetCriteria.SaveAndBuildAsync(db, dossiers, groups, dossier, definition, unit, command.VersionOnly, cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPut("/api/dossiers/{id:guid}/conditions",
                async (Guid id, Body body, HttpContext http, IMediator mediator, CancellationToken cancellationToken) =>
                    GetCriteria.Answer(http, await mediator.Send(
                        new Command(id, body) { VersionOnly = ReturnPreference.WantsMinimal(http.Request) }, cancellationToken)))
            .HonoursReturnMinimal()
            .WithTags("Criteria")
            .WithSummary("Xã ghi các điều kiện công nhận (hài lòng, nợ đọng, an ninh trật tự)");
}
