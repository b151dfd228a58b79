using FluentValidation;
using MediatR;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Features.Dossiers;
using NtmWorkflow.Web.Features.Units;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Criteria;

/// <summary>The district reviewer or province appraiser agrees or disagrees with one criterion of the commune's self-assessment.</summary>
public static class ReviewCriterion
{
    public sealed record Body(bool? Agree, string? Note);

    public sealed record Command(Guid DossierId, int Number, Body Body) : IRequest<GetCriteria.CriteriaSaved>, IDossierRequest, ICommand
    {
        /// <summary>Answer with the dossier\'s new version alone (Prefer: return=minimal), not the criteria.</summary>
        public bool VersionOnly { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Body.Agree).NotNull()
                .WithMessage("Cần ghi đồng ý hay không đồng ý với kết quả tự đánh giá (agree: true hoặc false).")
                .OverridePropertyName("agree");
            RuleFor(c => c.Body.Note).NotEmpty().When(c => c.Body.Agree == false)
                .WithMessage("Khi không đồng ý, cần ghi rõ lý do (note) để xã bổ sung.")
                .OverridePropertyName("note");
            RuleFor(c => c.Body.Note).MaximumLength(Limits.Comment)
                .WithMessage($"Ý kiến dài tối đa {Limits.Comment} ký tự.")
                .OverridePropertyName("note");
        }
    }

    internal sealed class Handler(AppDbContext db, DossierLookup dossiers, CommuneGroups groups, ICurrentActor actors, TimeProvider clock)
        : IRequestHandler<Command, GetCriteria.CriteriaSaved>
    {
        public async Task<GetCriteria.CriteriaSaved> Handle(Command command, CancellationToken cancellationToken)
        {
            var actor = await actors.RequireAsync(cancellationToken);
            var (dossier, definition, unit) = await dossiers.LoadAsync(command.DossierId, forUpdate: true, cancellationToken);
            var set = await dossiers.CriteriaAsync(dossier, cancellationToken);
            var entry = dossier.ReviewCriterion(set, definition, command.Number, command.Body.Agree!.Value, command.Body.Note, actor,
                clock.GetUtcNow().UtcDateTime);
            await db.AppendAsync(entry, cancellationToken);
            return await GetCriteria.SaveAndBuildAsync(db, dossiers, groups, dossier, definition, unit, command.VersionOnly, cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPut("/api/dossiers/{id:guid}/criteria/{number:int}/review",
                async (Guid id, int number, Body body, HttpContext http, IMediator mediator, CancellationToken cancellationToken) =>
                    GetCriteria.Answer(http, await mediator.Send(
                        new Command(id, number, body) { VersionOnly = ReturnPreference.WantsMinimal(http.Request) }, cancellationToken)))
            .HonoursReturnMinimal()
            .WithTags("Criteria")
            .WithSummary("Huyện, tỉnh cho ý kiến về một tiêu chí");
}
