using Gongkai.Platform.Audit;
using Gongkai.Platform.Calendar;
using Gongkai.Platform.Organisation;
using Gongkai.Platform.Staff;
using Gongkai.Platform.Tokens;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Platform.Data;

/// <summary>
/// The one database of the application. Each module adds its entities through
/// <see cref="IEntityTypeConfiguration{TEntity}"/> classes kept beside the entity.
/// Provider-specific subclasses exist only so each provider has its own generated migrations.
/// </summary>
public class GongkaiDb(DbContextOptions options) : IdentityUserContext<StaffUser>(options), IDataProtectionKeyContext
{
    public DbSet<Organ> Organs => Set<Organ>();
    public DbSet<OrganAlias> OrganAliases => Set<OrganAlias>();
    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<CalendarYear> CalendarYears => Set<CalendarYear>();
    public DbSet<CalendarDayEntry> CalendarDays => Set<CalendarDayEntry>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Files this unit of work wrote; they take their place only when it commits (<see cref="Files.StagedFiles"/>).</summary>
    public Files.StagedFiles StagedFiles { get; } = new();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) => optionsBuilder.AddInterceptors(Files.StagedFiles.Interceptor);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(GongkaiDb).Assembly);
        RowVersions.Configure(builder);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        AuditEvent.RejectChanges(ChangeTracker);
        RowVersions.Bump(ChangeTracker);
        try
        {
            var saved = base.SaveChanges(acceptAllChangesOnSuccess);
            PromoteWithoutTransaction();
            return saved;
        }
        catch when (Database.CurrentTransaction is null)
        {
            StagedFiles.Discard();
            throw;
        }
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        AuditEvent.RejectChanges(ChangeTracker);
        RowVersions.Bump(ChangeTracker);
        return SavedAsync(base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken));
    }

    private async Task<int> SavedAsync(Task<int> saving)
    {
        try
        {
            var saved = await saving;
            PromoteWithoutTransaction();
            return saved;
        }
        catch when (Database.CurrentTransaction is null)
        {
            StagedFiles.Discard();
            throw;
        }
    }

    /// <summary>A save outside an explicit transaction has committed when it returns (its own transaction, if any, already promoted).</summary>
    private void PromoteWithoutTransaction()
    {
        if (Database.CurrentTransaction is null)
        {
            StagedFiles.Promote();
        }
    }

    /// <summary>A unit of work that ends without committing leaves none of its files.</summary>
    public override void Dispose()
    {
        StagedFiles.Discard();
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        StagedFiles.Discard();
        return base.DisposeAsync();
    }
}

public sealed class SqliteGongkaiDb(DbContextOptions<SqliteGongkaiDb> options) : GongkaiDb(options)
{
    /// <summary>SQLite has no time type: instants are stored as UTC ticks so they compare and sort correctly.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        configuration.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class PostgresGongkaiDb(DbContextOptions<PostgresGongkaiDb> options) : GongkaiDb(options)
{
    /// <summary>The full-text vector exists only on PostgreSQL; SQLite keeps its index in an FTS5 table.</summary>
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        var entry = builder.Entity<Search.SearchEntry>();
        entry.Property<NpgsqlTypes.NpgsqlTsVector>("TitleVector");
        entry.Property<NpgsqlTypes.NpgsqlTsVector>("AllVector");
        entry.HasIndex("TitleVector").HasMethod("GIN");
        entry.HasIndex("AllVector").HasMethod("GIN");
        // The table is partitioned by id range (migration SearchPartitions); a unique index there must include the id.
        entry.HasIndex(e => e.OwnerId).IsUnique(false);
    }
}
