using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NtmWorkflow.Web.Domain;

namespace NtmWorkflow.Web.Data;

internal sealed class CriterionStatusConfiguration : IEntityTypeConfiguration<CriterionStatus>
{
    public void Configure(EntityTypeBuilder<CriterionStatus> status)
    {
        status.ToTable("criterion_statuses");
        status.HasKey(s => s.Id);
        status.Property(s => s.UnitCode).HasMaxLength(Limits.Code);
        status.Property(s => s.UnitPath).HasMaxLength(Limits.Path);
        status.Property(s => s.CriteriaSetId).HasMaxLength(Limits.Code);
        status.Property(s => s.Note).HasMaxLength(Limits.Comment);
        status.Property(s => s.CommuneGroup).HasMaxLength(Limits.Code);
        status.Property(s => s.Source).HasMaxLength(Limits.Code);
        status.Property(s => s.RecordedBy).HasMaxLength(Limits.Name);
        status.Property(s => s.ConfirmedBy).HasMaxLength(Limits.Name);
        status.Ignore(s => s.Confirmed);
        status.HasOne<AdministrativeUnit>().WithMany().HasForeignKey(s => s.UnitCode).OnDelete(DeleteBehavior.Restrict);
        // A commune's form reads its year by key; a report reads the current records of a year over a subtree.
        status.HasIndex(s => new { s.UnitCode, s.Year, s.Number, s.IsCurrent });
        status.HasIndex(s => new { s.Year, s.IsCurrent, s.UnitPath });
    }
}

internal sealed class AnnualPlanConfiguration : IEntityTypeConfiguration<AnnualPlan>
{
    public void Configure(EntityTypeBuilder<AnnualPlan> plan)
    {
        plan.ToTable("annual_plans");
        plan.HasKey(p => p.Id);
        plan.Property(p => p.Version).IsConcurrencyToken();
        plan.Property(p => p.UnitCode).HasMaxLength(Limits.Code);
        plan.Property(p => p.UnitPath).HasMaxLength(Limits.Path);
        plan.Property(p => p.Level).HasMaxLength(Limits.Code);
        plan.Property(p => p.Status).HasMaxLength(Limits.Code);
        plan.Property(p => p.Note).HasMaxLength(Limits.Text);
        plan.Property(p => p.ProposedBy).HasMaxLength(Limits.Name);
        plan.Property(p => p.DecidedBy).HasMaxLength(Limits.Name);
        plan.HasOne<AdministrativeUnit>().WithMany().HasForeignKey(p => p.UnitCode).OnDelete(DeleteBehavior.Restrict);
        plan.HasIndex(p => new { p.UnitCode, p.Year, p.Level });
        plan.HasIndex(p => new { p.Year, p.UnitPath });
    }
}
