using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using NtmWorkflow.Engine;
using NtmWorkflow.Engine.Calendar;
using NtmWorkflow.Engine.Definitions;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Features.Exports;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Dossiers;

/// <summary>
/// Every dossier the list would show for the same filters, in the same order and without paging, as XLSX or CSV. Rows
/// stream from the database into the file, so 100,000 dossiers take no more memory than ten.
/// </summary>
public static class ExportDossiers
{
    public sealed record Query(
        string? Format, string? Stage = null, string? Status = null, string? UnitCode = null, int? Year = null,
        string? Level = null, bool? Overdue = null, string? Q = null, string? Sort = null,
        string? LeftStage = null, int? LeftYear = null, int? DecidedYear = null, bool? DecidedLate = null)
        : IRequest<ExportFile>, IAuthenticatedRequest, IDossierFilters;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => this.ValidDossierFilters();
    }

    public static readonly IReadOnlyList<ExportColumn> Columns =
    [
        new("Mã hồ sơ"),
        new("Đơn vị"),
        new("Mã đơn vị"),
        new("Mức"),
        new("Năm", ExportCell.Number),
        new("Quy trình"),
        new("Giai đoạn"),
        new("Trạng thái"),
        new("Tiêu chí đạt", ExportCell.Number),
        new("Tổng số tiêu chí", ExportCell.Number),
        new("Hạn xử lý", ExportCell.Date),
        new("Ngày làm việc còn lại", ExportCell.Number),
        new("Quá hạn"),
        new("Cập nhật", ExportCell.Date),
    ];

    /// <summary>One row of the file: the list's summary of a dossier, with codes named as officials read them.</summary>
    public static object?[] Row(DossierSummary d) =>
    [
        d.Id.ToString(), d.UnitName, d.UnitCode, Levels.VietnameseName(d.Level), d.Year, d.Workflow.Title, d.StageTitle,
        DossierStatuses.VietnameseNames.GetValueOrDefault(d.Status, d.Status), d.CriteriaMet, d.CriteriaTotal,
        d.DueAt is { } due ? WorkingCalendar.ToVietnamDate(due) : null, d.WorkingDaysLeft, d.Overdue ? "Có" : "Không",
        WorkingCalendar.ToVietnamDate(d.UpdatedAt),
    ];

    internal sealed class Handler(
        AppDbContext db, DossierLookup lookup, DossierSelection selection, WorkingCalendar calendar, TimeProvider clock)
        : IRequestHandler<Query, ExportFile>
    {
        public async Task<ExportFile> Handle(Query query, CancellationToken cancellationToken)
        {
            var format = ExportFormats.Parse(query.Format);
            var now = clock.GetUtcNow().UtcDateTime;
            var listing = await selection.ListingAsync(query, now, cancellationToken);
            var definitions = await DefinitionsAsync(listing.Scope, cancellationToken);
            var table = new ExportTable("Hồ sơ", Columns, Rows(listing, definitions, now));
            return TableExport.Write(table, format, $"ho-so-{WorkingCalendar.ToVietnamDate(now):yyyyMMdd}");
        }

        /// <summary>
        /// The few procedure versions the scope's dossiers are pinned to, read before the rows stream: one connection
        /// reads one result at a time on PostgreSQL, so nothing else may be asked while the rows are being read.
        /// </summary>
        private async Task<Dictionary<(string, int, string), WorkflowDefinition>> DefinitionsAsync(
            string scope, CancellationToken cancellationToken)
        {
            var pinned = await db.Dossiers.Under(scope).Select(d => new { d.WorkflowId, d.WorkflowVersion, d.WorkflowHash })
                .Distinct().ToListAsync(cancellationToken);
            var definitions = new Dictionary<(string, int, string), WorkflowDefinition>();
            foreach (var p in pinned)
            {
                definitions[(p.WorkflowId, p.WorkflowVersion, p.WorkflowHash)] =
                    await lookup.PinnedAsync(p.WorkflowId, p.WorkflowVersion, p.WorkflowHash, cancellationToken);
            }
            return definitions;
        }

        private IEnumerable<object?[]> Rows(
            DossierListing listing, Dictionary<(string, int, string), WorkflowDefinition> definitions, DateTime now)
        {
            foreach (var part in listing.Parts)
            {
                var found = part(db.Dossiers.Under(listing.Scope))
                    .Join(db.Units, d => d.UnitCode, u => u.Code, (d, u) => new { Dossier = d, UnitName = u.Name })
                    .AsNoTracking()
                    .AsEnumerable();
                foreach (var r in found)
                {
                    var definition = definitions[(r.Dossier.WorkflowId, r.Dossier.WorkflowVersion, r.Dossier.WorkflowHash)];
                    yield return Row(DossierSummaries.Summarise(r.Dossier, r.UnitName, definition, calendar, now));
                }
            }
        }
    }

    public static void Map(IEndpointRouteBuilder api, IEndpointRouteBuilder pages)
    {
        api.MapGet("/api/dossiers/export", Export)
            .WithTags("Dossiers")
            .WithSummary("Xuất danh sách hồ sơ (format=xlsx|csv, cùng bộ lọc với danh sách), không phân trang");
        // The same file for the list page's links, behind the sign-in cookie (a GET changes nothing, so no antiforgery).
        pages.MapGet("/dossiers/export", Export).ExcludeFromDescription();
    }

    private static async Task<IResult> Export(
        string? format, string? stage, string? status, string? unitCode, int? year, string? level, bool? overdue, string? q,
        string? sort, string? leftStage, int? leftYear, int? decidedYear, bool? decidedLate, IMediator mediator,
        CancellationToken cancellationToken) =>
        (await mediator.Send(new Query(format, stage, status, unitCode, year, level, overdue, q, sort,
            leftStage, leftYear, decidedYear, decidedLate), cancellationToken)).ToResult();
}
