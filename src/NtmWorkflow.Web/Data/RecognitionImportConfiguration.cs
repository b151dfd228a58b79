using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NtmWorkflow.Web.Domain;

namespace NtmWorkflow.Web.Data;

internal sealed class RecognitionImportConfiguration : IEntityTypeConfiguration<RecognitionImport>
{
    public void Configure(EntityTypeBuilder<RecognitionImport> import)
    {
        import.ToTable("recognition_imports");
        import.HasKey(i => i.Id);
        import.Property(i => i.FileName).HasMaxLength(Limits.Name);
        import.Property(i => i.Sha256).HasMaxLength(64);
        import.Property(i => i.ScopeUnitCode).HasMaxLength(Limits.Code);
        import.Property(i => i.ScopePath).HasMaxLength(Limits.Path);
        import.Property(i => i.UploadedBy).HasMaxLength(Limits.Name);
        import.Property(i => i.ConfirmedBy).HasMaxLength(Limits.Name);
        import.Property(i => i.Status).HasMaxLength(Limits.Code);
        import.HasIndex(i => new { i.ScopePath, i.UploadedAt });
    }
}
