using MediatR;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Engine.Criteria;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Features.Criteria;
using NtmWorkflow.Web.Features.Units;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Programme;

/// <summary>
/// A commune's criteria for a year: each criterion of the year's set with its current record (met, indicator values,
/// note, where it came from, who recorded and confirmed it) and how many are met.
/// </summary>
public static class GetCriteriaStatus
{
    public sealed record Query(string UnitCode, int Year) : IRequest<CriteriaStatusView>, IUnitRequest;

    /// <param name="Period">The title of the period whose set the year is judged by.</param>
    /// <param name="Met">Criteria whose current record is met; a criterion with no record is not met.</param>
    /// <param name="Recorded">Criteria with a current record.</param>
    /// <param name="Unconfirmed">Current records the province has not confirmed yet.</param>
    public sealed record CriteriaStatusView(
        string UnitCode,
        string UnitName,
        int Year,
        string Period,
        GetCriteria.CriteriaSetRef CriteriaSet,
        CommuneGroupView? CommuneGroup,
        int Met,
        int Total,
        int Recorded,
        int Unconfirmed,
        bool CanRecord,
        bool CanConfirm,
        IReadOnlyList<StatusCriterionView> Criteria) : IJudgedCriteria;

    /// <param name="Indicators">With their thresholds for the commune and year, and the current record's values.</param>
    public sealed record StatusCriterionView(
        int Number, string Name, bool Key, bool Met, IReadOnlyList<GetCriteria.IndicatorView> Indicators, StatusRecordView? Current);

    internal sealed class Handler(AppDbContext db, StatusYears years, ICurrentActor actors) : IRequestHandler<Query, CriteriaStatusView>
    {
        public async Task<CriteriaStatusView> Handle(Query query, CancellationToken cancellationToken) =>
            await BuildAsync(db, years, await years.ResolveAsync(query.UnitCode, query.Year, cancellationToken),
                await actors.RequireAsync(cancellationToken), cancellationToken);
    }

    internal static async Task<CriteriaStatusView> BuildAsync(
        AppDbContext db, StatusYears years, StatusYear status, Actor actor, CancellationToken cancellationToken)
    {
        var (thresholds, group) = await years.ThresholdsAsync(status, cancellationToken);
        var current = (await db.CriterionStatuses.AsNoTracking()
                .Where(s => s.UnitCode == status.Unit.Code && s.Year == status.Year && s.IsCurrent && s.CriteriaSetId == status.Set.Id)
                .ToListAsync(cancellationToken))
            .ToDictionary(s => s.Number);
        var criteria = status.Set.Criteria.Select(criterion =>
        {
            var record = current.GetValueOrDefault(criterion.Number);
            var values = record?.Values() ?? new Dictionary<string, IndicatorValue>();
            var context = record is null ? thresholds : thresholds.For(record.ToClaim());
            return new StatusCriterionView(
                criterion.Number,
                criterion.Name,
                criterion.Key,
                record?.Met == true,
                criterion.Indicators.Select(i => GetCriteria.Indicator(i, values.GetValueOrDefault(i.Code), context)).ToList(),
                record is null ? null : StatusRecordView.Of(record));
        }).ToList();
        return new CriteriaStatusView(
            status.Unit.Code,
            status.Unit.Name,
            status.Year,
            status.Period.Title,
            GetCriteria.CriteriaSetRef.Of(status.Set),
            group,
            criteria.Count(c => c.Met),
            criteria.Count,
            current.Count,
            current.Values.Count(s => !s.Confirmed),
            actor.IsRecorder(),
            actor.IsProvince(),
            criteria);
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/api/communes/{code}/criteria-status",
                async (string code, int year, IMediator mediator, CancellationToken cancellationToken) =>
                    TypedResults.Ok(await mediator.Send(new Query(code, year), cancellationToken)))
            .WithTags("Programme")
            .WithSummary("Tình trạng các tiêu chí của một xã trong một năm");
}

/// <summary>One record of a commune's criterion for a year, as the API shows it.</summary>
/// <param name="Source">"commune" (the yearly status form) or "dossier" (a dossier's self-assessment, <paramref name="DossierId"/>).</param>
/// <param name="CommuneGroup">The commune group in force when recorded (null: none).</param>
/// <param name="IsCurrent">Whether it is the latest record of its criterion; a newer one superseded it otherwise.</param>
public sealed record StatusRecordView(
    long Id,
    int Number,
    bool Met,
    IReadOnlyDictionary<string, IndicatorValue> Values,
    string? Note,
    string? CommuneGroup,
    string Source,
    Guid? DossierId,
    string RecordedBy,
    DateTime RecordedAt,
    bool Confirmed,
    string? ConfirmedBy,
    DateTime? ConfirmedAt,
    bool IsCurrent)
{
    public static StatusRecordView Of(CriterionStatus s) => new(
        s.Id, s.Number, s.Met, s.Values(), s.Note, s.CommuneGroup, s.Source, s.DossierId, s.RecordedBy, s.RecordedAt, s.Confirmed,
        s.ConfirmedBy, s.ConfirmedAt, s.IsCurrent);
}
