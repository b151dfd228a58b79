using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NtmWorkflow.Engine;
using NtmWorkflow.Web.Domain;

namespace NtmWorkflow.Web.Data;

internal sealed class AdministrativeUnitConfiguration : IEntityTypeConfiguration<AdministrativeUnit>
{
    public void Configure(EntityTypeBuilder<AdministrativeUnit> unit)
    {
        unit.ToTable("units");
        unit.HasKey(u => u.Code);
        unit.Property(u => u.Code).HasMaxLength(Limits.Code);
        unit.Property(u => u.Name).HasMaxLength(Limits.Name);
        unit.Property(u => u.Kind).HasMaxLength(Limits.Code);
        unit.Property(u => u.ParentCode).HasMaxLength(Limits.Code);
        unit.Property(u => u.Path).HasMaxLength(Limits.Path);
        unit.Property(u => u.SearchName).HasMaxLength(Limits.Name);
        unit.Property(u => u.Region).HasMaxLength(Limits.Code);
        unit.Property(u => u.OfficialCode).HasMaxLength(Limits.Code);
        unit.Property(u => u.SuccessorCode).HasMaxLength(Limits.Code);
        unit.Property(u => u.Resolution).HasMaxLength(Limits.Name);
        unit.HasIndex(u => u.Path);
        unit.HasIndex(u => u.SuccessorCode);
    }
}

internal sealed class UnitChangeConfiguration : IEntityTypeConfiguration<UnitChange>
{
    public void Configure(EntityTypeBuilder<UnitChange> change)
    {
        change.ToTable("unit_changes");
        change.HasKey(c => c.Id);
        change.Property(c => c.Kind).HasMaxLength(Limits.Code);
        change.Property(c => c.UnitCode).HasMaxLength(Limits.Code);
        change.Property(c => c.FromParentCode).HasMaxLength(Limits.Code);
        change.Property(c => c.ToParentCode).HasMaxLength(Limits.Code);
        change.Property(c => c.IntoCode).HasMaxLength(Limits.Code);
        change.Property(c => c.OldName).HasMaxLength(Limits.Name);
        change.Property(c => c.NewName).HasMaxLength(Limits.Name);
        change.Property(c => c.Resolution).HasMaxLength(Limits.Name);
        change.Property(c => c.ChangeId).HasMaxLength(Limits.Code);
        change.Property(c => c.Note).HasMaxLength(Limits.Text);
        change.Property(c => c.Actor).HasMaxLength(Limits.Name);
        change.HasOne<AdministrativeUnit>().WithMany().HasForeignKey(c => c.UnitCode).OnDelete(DeleteBehavior.Restrict);
        change.HasIndex(c => new { c.UnitCode, c.At });
        change.HasIndex(c => c.ChangeId);
    }
}

internal sealed class DossierConfiguration : IEntityTypeConfiguration<Dossier>
{
    public void Configure(EntityTypeBuilder<Dossier> dossier)
    {
        dossier.ToTable("dossiers");
        dossier.HasKey(d => d.Id);
        dossier.Property(d => d.Version).IsConcurrencyToken();
        dossier.Property(d => d.UnitCode).HasMaxLength(Limits.Code);
        dossier.Property(d => d.UnitPath).HasMaxLength(Limits.Path);
        dossier.Property(d => d.Level).HasMaxLength(Limits.Code);
        dossier.Property(d => d.WorkflowId).HasMaxLength(Limits.Code);
        dossier.Property(d => d.WorkflowHash).HasMaxLength(64);
        dossier.Property(d => d.Stage).HasMaxLength(Limits.Code);
        dossier.Property(d => d.CriteriaSetId).HasMaxLength(Limits.Code);
        dossier.Property(d => d.CriteriaSetHash).HasMaxLength(64);
        dossier.Property(d => d.StandoutField).HasMaxLength(Limits.Text);
        dossier.Ignore(d => d.Conditions);
        dossier.Property(d => d.Status).HasMaxLength(Limits.Code);
        dossier.Property(d => d.AwaitingRole).HasMaxLength(Limits.Code);
        dossier.Property(d => d.DecisionNumber).HasMaxLength(Limits.Name);
        dossier.Property(d => d.DecisionSigner).HasMaxLength(Limits.Name);
        dossier.Property(d => d.CeremonyPlace).HasMaxLength(Limits.Text);
        dossier.Property(d => d.CreatedBy).HasMaxLength(Limits.Name);
        dossier.Property(d => d.UpdatedBy).HasMaxLength(Limits.Name);
        dossier.HasOne<AdministrativeUnit>().WithMany().HasForeignKey(d => d.UnitCode).OnDelete(DeleteBehavior.Restrict);
        dossier.HasMany(d => d.Events).WithOne().HasForeignKey(e => e.DossierId).OnDelete(DeleteBehavior.Cascade);
        dossier.Navigation(d => d.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
        // Every index the lists use holds the unit path, so a count over a unit's subtree, or a page walked in an
        // index's order, reads the index alone until it picks its rows.
        dossier.HasIndex(d => new { d.UnitPath, d.AwaitingRole, d.DueAt });
        dossier.HasIndex(d => new { d.UpdatedAt, d.UnitPath });
        dossier.HasIndex(d => new { d.DueAt, d.UnitPath });
        dossier.HasIndex(d => new { d.AwaitingRole, d.DueAt, d.StageEnteredAt, d.UnitPath });
        dossier.HasIndex(d => new { d.UnitCode, d.Level, d.Status });
        // At most one open dossier per unit and level, even when two officers create one at the same moment.
        dossier.HasIndex(d => new { d.UnitCode, d.Level })
            .IsUnique()
            .HasFilter($"\"{nameof(Dossier.Status)}\" = '{DossierStatuses.InProgress}'")
            .HasDatabaseName("IX_dossiers_one_open_per_unit_level");
        dossier.HasIndex(d => new { d.Status, d.DecisionDate });
        dossier.HasIndex(d => d.NextReminderAt);
        dossier.HasOne<DecisionBatch>().WithMany().HasForeignKey(d => d.DecisionBatchId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DossierEventConfiguration : IEntityTypeConfiguration<DossierEvent>
{
    public void Configure(EntityTypeBuilder<DossierEvent> entry)
    {
        entry.ToTable("dossier_events");
        entry.HasKey(e => e.Id);
        entry.Property(e => e.ActorUserName).HasMaxLength(Limits.Name);
        entry.Property(e => e.Role).HasMaxLength(Limits.Code);
        entry.Property(e => e.Action).HasMaxLength(Limits.Code);
        entry.Property(e => e.FromStage).HasMaxLength(Limits.Code);
        entry.Property(e => e.ToStage).HasMaxLength(Limits.Code);
        entry.Property(e => e.Comment).HasMaxLength(Limits.Comment);
        entry.Property(e => e.DecisionNumber).HasMaxLength(Limits.Name);
        entry.Property(e => e.DecisionSigner).HasMaxLength(Limits.Name);
        entry.Property(e => e.CeremonyPlace).HasMaxLength(Limits.Text);
        // One sequence number per move: a second writer of the same move fails here even without the version check.
        entry.HasIndex(e => new { e.DossierId, e.Sequence }).IsUnique();
    }
}

internal sealed class StoredDefinitionConfiguration : IEntityTypeConfiguration<StoredDefinition>
{
    public void Configure(EntityTypeBuilder<StoredDefinition> definition)
    {
        definition.ToTable("published_definitions");
        definition.HasKey(d => new { d.Kind, d.Id, d.Version });
        definition.Property(d => d.Kind).HasMaxLength(Limits.Code);
        definition.Property(d => d.Id).HasMaxLength(Limits.Code);
        definition.Property(d => d.ContentHash).HasMaxLength(64);
        definition.Property(d => d.Source).HasMaxLength(Limits.Text);
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> user)
    {
        user.Property(u => u.FullName).HasMaxLength(Limits.Name);
        user.Property(u => u.UnitCode).HasMaxLength(Limits.Code);
        user.Property(u => u.EmailPreference).HasMaxLength(Limits.Code);
        user.HasOne<AdministrativeUnit>().WithMany().HasForeignKey(u => u.UnitCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CriterionEntryConfiguration : IEntityTypeConfiguration<CriterionEntry>
{
    public void Configure(EntityTypeBuilder<CriterionEntry> entry)
    {
        entry.ToTable("criterion_entries");
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Kind).HasMaxLength(Limits.Code);
        entry.Property(e => e.Stage).HasMaxLength(Limits.Code);
        entry.Property(e => e.Note).HasMaxLength(Limits.Comment);
        entry.Property(e => e.ActorUserName).HasMaxLength(Limits.Name);
        entry.Property(e => e.Role).HasMaxLength(Limits.Code);
        entry.Property(e => e.CommuneGroup).HasMaxLength(Limits.Code);
        entry.HasOne<Dossier>().WithMany().HasForeignKey(e => e.DossierId).OnDelete(DeleteBehavior.Cascade);
        // The history of one criterion in the order it was made, read backwards for its latest entries and pages.
        entry.HasIndex(e => new { e.DossierId, e.Kind, e.Number, e.Id });
        // At most one current self-assessment per criterion and one current verdict per criterion and stage, even if a
        // writer ever skipped the dossier's lock; the same filters let a read of the current state use these indexes.
        entry.HasIndex(e => new { e.DossierId, e.Number }).IsUnique()
            .HasFilter($"\"{nameof(CriterionEntry.IsCurrent)}\" AND \"{nameof(CriterionEntry.Kind)}\" = '{CriterionEntry.SelfAssessment}'")
            .HasDatabaseName("IX_criterion_entries_current_self_assessment");
        entry.HasIndex(e => new { e.DossierId, e.Number, e.Stage }).IsUnique()
            .HasFilter($"\"{nameof(CriterionEntry.IsCurrent)}\" AND \"{nameof(CriterionEntry.Kind)}\" = '{CriterionEntry.Review}'")
            .HasDatabaseName("IX_criterion_entries_current_review");
    }
}

internal sealed class CommuneGroupAssignmentConfiguration : IEntityTypeConfiguration<CommuneGroupAssignment>
{
    public void Configure(EntityTypeBuilder<CommuneGroupAssignment> assignment)
    {
        assignment.ToTable("commune_groups");
        assignment.HasKey(a => a.Id);
        assignment.Property(a => a.UnitCode).HasMaxLength(Limits.Code);
        assignment.Property(a => a.Group).HasMaxLength(Limits.Code);
        assignment.Property(a => a.DecisionNumber).HasMaxLength(Limits.Name);
        assignment.Property(a => a.Note).HasMaxLength(Limits.Comment);
        assignment.Property(a => a.RecordedBy).HasMaxLength(Limits.Name);
        assignment.HasOne<AdministrativeUnit>().WithMany().HasForeignKey(a => a.UnitCode).OnDelete(DeleteBehavior.Restrict);
        // Leads with (unit, valid from) for "the group on a day"; unique so that the same decision is never recorded
        // twice, even by two officials at the same moment.
        assignment.HasIndex(a => new { a.UnitCode, a.ValidFrom, a.Group, a.DecisionNumber, a.DecisionDate })
            .IsUnique()
            .HasDatabaseName("IX_commune_groups_unit_valid_from");
    }
}

internal sealed class RecognitionConfiguration : IEntityTypeConfiguration<Recognition>
{
    public void Configure(EntityTypeBuilder<Recognition> recognition)
    {
        recognition.ToTable("recognitions");
        recognition.HasKey(r => r.Id);
        recognition.Property(r => r.UnitCode).HasMaxLength(Limits.Code);
        recognition.Property(r => r.UnitPath).HasMaxLength(Limits.Path);
        recognition.Property(r => r.UnitName).HasMaxLength(Limits.Name);
        recognition.Property(r => r.Level).HasMaxLength(Limits.Code);
        recognition.Property(r => r.DecisionNumber).HasMaxLength(Limits.Name);
        recognition.Property(r => r.DecisionSigner).HasMaxLength(Limits.Name);
        recognition.Property(r => r.CeremonyPlace).HasMaxLength(Limits.Text);
        recognition.Property(r => r.RevocationNumber).HasMaxLength(Limits.Name);
        recognition.Property(r => r.RevocationSigner).HasMaxLength(Limits.Name);
        recognition.HasOne<AdministrativeUnit>().WithMany().HasForeignKey(r => r.UnitCode).OnDelete(DeleteBehavior.Restrict);
        recognition.HasIndex(r => r.DossierId).IsUnique();
        recognition.HasOne<RecognitionImport>().WithMany().HasForeignKey(r => r.ImportId).OnDelete(DeleteBehavior.Restrict);
        recognition.HasIndex(r => new { r.UnitCode, r.Level });
        recognition.HasIndex(r => new { r.UnitPath, r.DecisionDate });
        recognition.HasOne<DecisionBatch>().WithMany().HasForeignKey(r => r.DecisionBatchId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DecisionBatchConfiguration : IEntityTypeConfiguration<DecisionBatch>
{
    public void Configure(EntityTypeBuilder<DecisionBatch> batch)
    {
        batch.ToTable("decision_batches");
        batch.HasKey(b => b.Id);
        batch.Property(b => b.ProvinceCode).HasMaxLength(Limits.Code);
        batch.Property(b => b.Number).HasMaxLength(Limits.Name);
        batch.Property(b => b.Signer).HasMaxLength(Limits.Name);
        batch.Property(b => b.FileName).HasMaxLength(Limits.Name);
        batch.Property(b => b.DocumentSha256).HasMaxLength(64);
        batch.Property(b => b.CreatedBy).HasMaxLength(Limits.Name);
        batch.Ignore(b => b.Decision);
        batch.HasOne<AdministrativeUnit>().WithMany().HasForeignKey(b => b.ProvinceCode).OnDelete(DeleteBehavior.Restrict);
        batch.HasIndex(b => new { b.ProvinceCode, b.Date });
    }
}

internal sealed class DossierDocumentConfiguration : IEntityTypeConfiguration<DossierDocument>
{
    public void Configure(EntityTypeBuilder<DossierDocument> document)
    {
        document.ToTable("documents");
        document.HasKey(d => d.Id);
        document.Property(d => d.Type).HasMaxLength(Limits.Code);
        document.Property(d => d.FileName).HasMaxLength(Limits.Name);
        document.Property(d => d.ContentType).HasMaxLength(Limits.Name);
        document.Property(d => d.Sha256).HasMaxLength(64);
        document.Property(d => d.Stage).HasMaxLength(Limits.Code);
        document.Property(d => d.UploadedBy).HasMaxLength(Limits.Name);
        document.HasOne<Dossier>().WithMany().HasForeignKey(d => d.DossierId).OnDelete(DeleteBehavior.Cascade);
        // Two uploads of the same type never get the same version, whichever instance takes them.
        document.HasIndex(d => new { d.DossierId, d.Type, d.Version }).IsUnique();
        document.HasIndex(d => d.Sha256);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> notification)
    {
        notification.ToTable("notifications");
        notification.HasKey(n => n.Id);
        notification.Property(n => n.Stage).HasMaxLength(Limits.Code);
        notification.Property(n => n.Kind).HasMaxLength(Limits.Code);
        notification.Property(n => n.Title).HasMaxLength(Limits.Text);
        notification.Property(n => n.Body).HasMaxLength(Limits.Comment);
        notification.HasOne<Dossier>().WithMany().HasForeignKey(n => n.DossierId).OnDelete(DeleteBehavior.Cascade);
        notification.HasOne<AppUser>().WithMany().HasForeignKey(n => n.RecipientId).OnDelete(DeleteBehavior.Cascade);
        // The natural key: whichever scheduler or retry gets there second, it cannot notify anyone twice.
        notification.HasIndex(n => new { n.DossierId, n.StageRound, n.Kind, n.RecipientId, n.Day })
            .IsUnique()
            .HasDatabaseName("IX_notifications_natural_key");
        // A digest has no dossier, so the natural key above never meets it (NULLs differ): one per recipient and day.
        notification.HasIndex(n => new { n.RecipientId, n.Day, n.Kind })
            .IsUnique()
            .HasFilter($"\"{nameof(Notification.DossierId)}\" IS NULL")
            .HasDatabaseName("IX_notifications_digest_key");
        notification.HasIndex(n => new { n.RecipientId, n.ReadAt });
        // Only the daily e-mail digest reads the notices still waiting for it, and few wait at any time: a partial
        // index leaves every other notice out of it, so the sweep's inserts skip one index entry each.
        notification.HasIndex(n => new { n.AwaitsDigest, n.RecipientId })
            .HasFilter($"\"{nameof(Notification.AwaitsDigest)}\"")
            .HasDatabaseName("IX_notifications_awaiting_digest");
    }
}

internal sealed class OutgoingEmailConfiguration : IEntityTypeConfiguration<OutgoingEmail>
{
    public void Configure(EntityTypeBuilder<OutgoingEmail> email)
    {
        email.ToTable("outgoing_emails");
        email.HasKey(e => e.Id);
        email.Property(e => e.To).HasMaxLength(Limits.Name);
        email.Property(e => e.Subject).HasMaxLength(Limits.Text);
        email.Property(e => e.Status).HasMaxLength(Limits.Code);
        email.Property(e => e.Kind).HasMaxLength(Limits.Code);
        email.Property(e => e.LastError).HasMaxLength(Limits.Text);
        email.HasOne<AppUser>().WithMany().HasForeignKey(e => e.RecipientId).OnDelete(DeleteBehavior.Cascade);
        email.HasIndex(e => new { e.Status, e.NextAttemptAt });
    }
}

internal sealed class PublicCommentConfiguration : IEntityTypeConfiguration<PublicComment>
{
    public void Configure(EntityTypeBuilder<PublicComment> comment)
    {
        comment.ToTable("public_comments");
        comment.HasKey(c => c.Id);
        comment.Property(c => c.Stage).HasMaxLength(Limits.Code);
        comment.Property(c => c.Author).HasMaxLength(Limits.Name);
        comment.Property(c => c.Contact).HasMaxLength(Limits.Name);
        comment.Property(c => c.Text).HasMaxLength(Limits.Comment);
        comment.HasOne<Dossier>().WithMany().HasForeignKey(c => c.DossierId).OnDelete(DeleteBehavior.Cascade);
        comment.HasIndex(c => new { c.DossierId, c.Id });
    }
}

internal sealed class TokenFamilyConfiguration : IEntityTypeConfiguration<TokenFamily>
{
    public void Configure(EntityTypeBuilder<TokenFamily> family)
    {
        family.ToTable("token_families");
        family.HasKey(f => f.Id);
        family.Property(f => f.UserId).HasMaxLength(Limits.Name);
        family.HasOne<AppUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        family.HasIndex(f => f.CreatedUtc);
    }
}
