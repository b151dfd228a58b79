using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Engine;
using NtmWorkflow.Engine.Calendar;
using NtmWorkflow.Engine.Definitions;
using NtmWorkflow.Engine.Drafts;
using NtmWorkflow.Engine.Transitions;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Features.Dossiers;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Drafts;

/// <summary>
/// A dossier's paper drafted as DOCX from its data, for whoever may read the dossier: the commune's submission
/// (to-trinh), the province's appraisal report (bao-cao-tham-dinh) or the recognition decision (quyet-dinh), with
/// the number, date and signer once recorded and blanks until then.
/// </summary>
public static class DraftDossierPaper
{
    public sealed record Query(Guid DossierId, string Paper) : IRequest<DraftDownload>, IDossierRequest;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() =>
            RuleFor(q => q.Paper).Must(p => DraftPapers.OfDossier.Contains(p))
                .WithMessage($"Bản thảo (paper) phải là một trong: {string.Join(", ", DraftPapers.OfDossier)}.");
    }

    internal sealed class Handler(
        AppDbContext db, DossierLookup dossiers, DraftOffer offer, TimeProvider clock)
        : IRequestHandler<Query, DraftDownload>
    {
        public async Task<DraftDownload> Handle(Query query, CancellationToken cancellationToken)
        {
            var (dossier, definition, unit) = await dossiers.LoadAsync(query.DossierId, forUpdate: false, cancellationToken);
            var wording = offer.WordingFor(definition, dossier.Year) ?? throw ProblemException.Conflict(definition.Purpose != Purposes.Recognition
                ? "Chỉ hồ sơ xét công nhận mới có bản thảo tờ trình, báo cáo thẩm định và quyết định công nhận."
                : $"Chưa có lời văn bản thảo cho hồ sơ cấp {Subjects.VietnameseName(definition.Subject)} năm {dossier.Year} (workflows/drafts/).");
            var facts = await FactsAsync(dossier, definition, unit, cancellationToken);
            var paper = DraftComposer.Dossier(offer.Format, wording.Papers[query.Paper], facts);
            return new DraftDownload(DocxWriter.Write(paper), paper.FileStem);
        }

        private async Task<DraftDossierFacts> FactsAsync(
            Dossier dossier, WorkflowDefinition definition, AdministrativeUnit unit, CancellationToken cancellationToken)
        {
            var state = await dossiers.StateAsync(dossier, unit, cancellationToken);
            var verdicts = (await dossiers.CurrentReviewsAsync(dossier.Id, cancellationToken))
                .Where(r => r.Role == Roles.ProvinceAppraiser)
                .GroupBy(r => r.Number)
                .ToDictionary(g => g.Key, g => g.Last().Verdict);
            var criteria = state.Set.Criteria.Select(c => new DraftCriterion(
                c.Number, c.Name, state.Claims.ContainsKey(c.Number) ? !state.Unmet.Contains(c) : null,
                verdicts.TryGetValue(c.Number, out var agreed) ? agreed : null)).ToList();
            var provinceCode = AdministrativeUnit.ProvinceCodeOf(unit.Path) ?? unit.Code;
            // The commune submits to its district where the procedure has a district review, otherwise to the province.
            var reviewerCode = definition.Stages.Values.Any(s => s.Actor == Roles.DistrictReviewer) && unit.ParentCode is { } parent
                ? parent
                : provinceCode;
            var names = await db.Units.AsNoTracking().Where(u => u.Code == provinceCode || u.Code == reviewerCode)
                .ToDictionaryAsync(u => u.Code, u => u.Name, cancellationToken);
            return new DraftDossierFacts(
                unit.Name,
                names[provinceCode],
                names[reviewerCode],
                dossier.Level,
                dossier.Year,
                state.Set.Title,
                state.Set.LegalBasis,
                criteria,
                dossier.Conditions,
                state.Set.Conditions.Model is not null,
                await CouncilVoteAsync(dossier, definition, cancellationToken),
                DecisionView.From(dossier.DecisionNumber, dossier.DecisionDate, dossier.DecisionSigner) is { } d ? new Decision(d.Number, d.Date, d.Signer) : null,
                WorkingCalendar.ToVietnamDate(clock.GetUtcNow().UtcDateTime));
        }

        /// <summary>The latest vote taken at one of the definition's council stages, if any.</summary>
        private async Task<Vote?> CouncilVoteAsync(Dossier dossier, WorkflowDefinition definition, CancellationToken cancellationToken)
        {
            var stages = CouncilStage.All(definition, Roles.ProvinceAppraiser).Select(s => s.Stage).ToList();
            var vote = await db.DossierEvents.AsNoTracking()
                .Where(e => e.DossierId == dossier.Id && e.VoteAgree != null && e.FromStage != null && stages.Contains(e.FromStage))
                .OrderByDescending(e => e.Sequence)
                .Select(e => new { e.VoteMembers, e.VotePresent, e.VoteAgree })
                .FirstOrDefaultAsync(cancellationToken);
            return vote is null ? null : new Vote(vote.VoteMembers ?? 0, vote.VotePresent ?? 0, vote.VoteAgree ?? 0);
        }
    }

    /// <summary>The API's route, and the same download behind the sign-in cookie for the dossier page.</summary>
    public static void Map(IEndpointRouteBuilder api, IEndpointRouteBuilder pages)
    {
        api.MapGet("/api/dossiers/{id:guid}/drafts/{paper}", Send).WithTags("Drafts")
            .WithSummary("Bản thảo DOCX của hồ sơ: to-trinh, bao-cao-tham-dinh hoặc quyet-dinh").Produces(StatusCodes.Status200OK, contentType: Storage.ContentTypes.Docx);
        pages.MapGet("/dossiers/{id:guid}/drafts/{paper}", Send).ExcludeFromDescription();
    }

    private static async Task<DraftDownload> Send(Guid id, string paper, IMediator mediator, CancellationToken cancellationToken) =>
        await mediator.Send(new Query(id, paper), cancellationToken);
}
