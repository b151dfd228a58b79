using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NtmWorkflow.Web.Domain;

namespace NtmWorkflow.Web.Data;

/// <summary>
/// The application's database. Each provider has its own subclass so that each keeps its own migration set
/// (SQLite and PostgreSQL differ in types and in what a migration may do).
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    /// <summary>The key ring that protects tokens and cookies, shared by every instance on this database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<AdministrativeUnit> Units => Set<AdministrativeUnit>();

    public DbSet<UnitChange> UnitChanges => Set<UnitChange>();

    public DbSet<Dossier> Dossiers => Set<Dossier>();

    public DbSet<DossierEvent> DossierEvents => Set<DossierEvent>();

    public DbSet<CriterionEntry> CriterionEntries => Set<CriterionEntry>();

    public DbSet<CommuneGroupAssignment> CommuneGroups => Set<CommuneGroupAssignment>();

    public DbSet<Recognition> Recognitions => Set<Recognition>();

    public DbSet<DecisionBatch> DecisionBatches => Set<DecisionBatch>();
    public DbSet<RecognitionImport> RecognitionImports => Set<RecognitionImport>();

    public DbSet<DossierDocument> Documents => Set<DossierDocument>();

    public DbSet<StoredDefinition> Definitions => Set<StoredDefinition>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<OutgoingEmail> OutgoingEmails => Set<OutgoingEmail>();

    public DbSet<PublicComment> PublicComments => Set<PublicComment>();

    public DbSet<TokenFamily> TokenFamilies => Set<TokenFamily>();

    public DbSet<CouncilSession> CouncilSessions => Set<CouncilSession>();

    public DbSet<CriterionStatus> CriterionStatuses => Set<CriterionStatus>();

    public DbSet<AnnualPlan> AnnualPlans => Set<AnnualPlan>();

    public DbSet<BackupRun> BackupRuns => Set<BackupRun>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every instant is UTC; SQLite forgets the kind on the way back, PostgreSQL insists on it on the way in.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Unit paths compare byte by byte, as on SQLite, so that a subtree is one range of the index (UnitSubtree).
        builder.Entity<Dossier>().Property(d => d.UnitPath).UseCollation("C");
        builder.Entity<CriterionStatus>().Property(s => s.UnitPath).UseCollation("C");
        builder.Entity<AnnualPlan>().Property(p => p.UnitPath).UseCollation("C");
    }
}
