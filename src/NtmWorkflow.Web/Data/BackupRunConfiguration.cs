using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NtmWorkflow.Web.Domain;

namespace NtmWorkflow.Web.Data;

internal sealed class BackupRunConfiguration : IEntityTypeConfiguration<BackupRun>
{
    public void Configure(EntityTypeBuilder<BackupRun> run)
    {
        run.ToTable("backup_runs");
        run.HasKey(r => r.Id);
        run.Property(r => r.Name).HasMaxLength(Limits.Code);
        run.Property(r => r.Error).HasMaxLength(BackupRun.MaxError);
        // The page and the health check read the latest runs, and the latest success.
        run.HasIndex(r => new { r.Succeeded, r.FinishedAt });
        run.HasIndex(r => r.FinishedAt);
    }
}
