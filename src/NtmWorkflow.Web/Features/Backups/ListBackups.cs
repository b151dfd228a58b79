using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NtmWorkflow.Web.Backups;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Infrastructure;

namespace NtmWorkflow.Web.Features.Backups;

/// <summary>The administrator's view of the latest backup runs, with the warning when backups fall behind.</summary>
public static class ListBackups
{
    public const int Shown = 30;

    public sealed record Query : IRequest<View>, IAdministratorRequest;

    public sealed record View(IReadOnlyList<BackupRun> Runs, BackupStatus Status, string Folder, string Schedule, int Retention);

    internal sealed class Handler(AppDbContext db, BackupWriter writer, IOptions<BackupOptions> options, TimeProvider clock) : IRequestHandler<Query, View>
    {
        public async Task<View> Handle(Query query, CancellationToken cancellationToken)
        {
            var runs = await db.BackupRuns.AsNoTracking().OrderByDescending(r => r.FinishedAt).Take(Shown).ToListAsync(cancellationToken);
            var status = await BackupStatus.ReadAsync(db, options.Value, clock.GetUtcNow().UtcDateTime, cancellationToken);
            return new View(runs, status, writer.DefaultFolder, options.Value.Schedule, options.Value.Retention);
        }
    }
}
