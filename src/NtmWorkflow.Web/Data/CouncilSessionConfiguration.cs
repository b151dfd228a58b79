using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NtmWorkflow.Web.Domain;

namespace NtmWorkflow.Web.Data;

internal sealed class CouncilSessionConfiguration : IEntityTypeConfiguration<CouncilSession>
{
    public void Configure(EntityTypeBuilder<CouncilSession> session)
    {
        session.ToTable("council_sessions");
        session.HasKey(s => s.Id);
        session.Property(s => s.Version).IsConcurrencyToken();
        session.Property(s => s.UnitCode).HasMaxLength(Limits.Code);
        session.Property(s => s.Number).HasMaxLength(Limits.Code);
        session.Property(s => s.Title).HasMaxLength(Limits.Name);
        session.Property(s => s.Status).HasMaxLength(Limits.Code);
        session.Property(s => s.MinutesFileName).HasMaxLength(Limits.Name);
        session.Property(s => s.MinutesContentType).HasMaxLength(Limits.Name);
        session.Property(s => s.MinutesSha256).HasMaxLength(64);
        session.Property(s => s.MinutesUploadedBy).HasMaxLength(Limits.Name);
        session.Property(s => s.CreatedBy).HasMaxLength(Limits.Name);
        session.Property(s => s.UpdatedBy).HasMaxLength(Limits.Name);
        session.Property(s => s.ConcludedBy).HasMaxLength(Limits.Name);
        session.Ignore(s => s.PresentCount);
        session.Ignore(s => s.IsOpen);
        session.Ignore(s => s.Label);
        session.HasOne<AdministrativeUnit>().WithMany().HasForeignKey(s => s.UnitCode).OnDelete(DeleteBehavior.Restrict);
        session.HasMany(s => s.Members).WithOne().HasForeignKey(m => m.SessionId).OnDelete(DeleteBehavior.Cascade);
        session.Navigation(s => s.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
        session.HasMany(s => s.Dossiers).WithOne().HasForeignKey(d => d.SessionId).OnDelete(DeleteBehavior.Cascade);
        session.Navigation(s => s.Dossiers).UsePropertyAccessMode(PropertyAccessMode.Field);
        // The list of a province's sessions, newest meeting first, is a range of this index.
        session.HasIndex(s => new { s.UnitCode, s.MeetingDate });
        // The storage cleanup keeps a blob that minutes of a session name.
        session.HasIndex(s => s.MinutesSha256);
    }
}

internal sealed class CouncilMemberConfiguration : IEntityTypeConfiguration<CouncilMember>
{
    public void Configure(EntityTypeBuilder<CouncilMember> member)
    {
        member.ToTable("council_session_members");
        member.HasKey(m => m.Id);
        member.Property(m => m.Name).HasMaxLength(Limits.Name);
        member.Property(m => m.Position).HasMaxLength(Limits.Name);
        member.Ignore(m => m.Key);
        member.HasIndex(m => new { m.SessionId, m.Ordinal });
    }
}

internal sealed class CouncilSessionDossierConfiguration : IEntityTypeConfiguration<CouncilSessionDossier>
{
    public void Configure(EntityTypeBuilder<CouncilSessionDossier> entry)
    {
        entry.ToTable("council_session_dossiers");
        entry.HasKey(d => new { d.SessionId, d.DossierId });
        entry.Property(d => d.AddedBy).HasMaxLength(Limits.Name);
        entry.Property(d => d.Note).HasMaxLength(Limits.Text);
        entry.Property(d => d.VotedBy).HasMaxLength(Limits.Name);
        entry.Property(d => d.Outcome).HasMaxLength(Limits.Code);
        entry.Property(d => d.Action).HasMaxLength(Limits.Code);
        entry.HasOne<Dossier>().WithMany().HasForeignKey(d => d.DossierId).OnDelete(DeleteBehavior.Cascade);
        // Null once the session concluded; unique while open, so two sessions adding one dossier at once cannot both commit.
        entry.HasIndex(d => d.OpenDossierId).IsUnique();
        entry.HasIndex(d => d.DossierId);
    }
}
