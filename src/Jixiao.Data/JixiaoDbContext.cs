using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Jixiao.Data.Records;
using Jixiao.Domain.Workflow;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Data;

/// <summary>
/// The one EF model, for SQLite and PostgreSQL alike; the provider and its migrations assembly are chosen
/// where the context is configured (the web application's composition root). The context is the unit of work.
/// Accounts are ASP.NET Core Identity's tables in the same database. Rows are filtered by the
/// <see cref="IDataScope"/> the context was given (none: every row).
/// </summary>
public sealed class JixiaoDbContext(DbContextOptions<JixiaoDbContext> options, IDataScope? scope = null) : IdentityDbContext<JixiaoUser>(options), IDataProtectionKeyContext
{
    /// <summary>The key ring that protects sign-in cookies and anti-forgery tokens, shared by every web server on this database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    private static readonly int[] NoUnits = [];

    public DbSet<UnitRecord> Units => Set<UnitRecord>();

    public DbSet<DocumentRecord> Documents => Set<DocumentRecord>();

    public DbSet<ProjectRecord> Projects => Set<ProjectRecord>();

    public DbSet<IndicatorRecord> Indicators => Set<IndicatorRecord>();

    /// <summary>Each project's search terms, behind the full-text index of <see cref="SearchIndex"/>.</summary>
    public DbSet<ProjectTermsRecord> ProjectTerms => Set<ProjectTermsRecord>();

    public DbSet<ClauseRecord> Clauses => Set<ClauseRecord>();

    public DbSet<FindingRecord> Findings => Set<FindingRecord>();

    public DbSet<DiagnosticRecord> Diagnostics => Set<DiagnosticRecord>();

    public DbSet<SelfEvaluationRecord> SelfEvaluations => Set<SelfEvaluationRecord>();

    public DbSet<MonitoringReportRecord> MonitoringReports => Set<MonitoringReportRecord>();

    public DbSet<UserScopeRecord> UserScopes => Set<UserScopeRecord>();

    public DbSet<AccessTokenRecord> AccessTokens => Set<AccessTokenRecord>();

    public DbSet<DocumentVersionRecord> DocumentVersions => Set<DocumentVersionRecord>();

    public DbSet<CommentRecord> Comments => Set<CommentRecord>();

    public DbSet<SeasonRecord> Seasons => Set<SeasonRecord>();

    public DbSet<AuditRecord> Audit => Set<AuditRecord>();

    /// <summary>Read by the query filters at each query (EF parameterises context members).</summary>
    private bool SeesAll => scope is null || scope.AllUnits;

    private IReadOnlyCollection<int> Visible => scope?.UnitIds ?? NoUnits;

    /// <summary>Audit lines are appended only: changing or removing one is refused before it reaches the database.</summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseAuditChanges();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseAuditChanges();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    private void RefuseAuditChanges()
    {
        if (ChangeTracker.Entries<AuditRecord>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The audit trail is append-only.");
        }
    }

    /// <summary>
    /// A user's scope rows point at units the user may not see (their own subtree is computed from them),
    /// so that required navigation is read without the unit filter on purpose.
    /// </summary>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        optionsBuilder.ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning));
    }

    /// <summary>Workflow states are stored by their names (<c>draft</c>…), as they always were.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<WorkState>().HaveConversion<WorkStateConverter>();
    }

    private sealed class WorkStateConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<WorkState, string>(
        state => state.JsonName(), name => Stored(name))
    {
        private static WorkState Stored(string name) =>
            WorkflowTable.ParseState(name) ?? throw new InvalidOperationException($"Unknown workflow state '{name}' in the database.");
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(JixiaoDbContext).Assembly);
        if (SearchIndex.For(this)?.HasFunction is { } has)
        {
            modelBuilder.HasDbFunction(typeof(SearchIndex).GetMethod(nameof(SearchIndex.Has))!).HasName(has);
        }

        modelBuilder.Entity<UnitRecord>().HasQueryFilter(u => SeesAll || Visible.Contains(u.Id));
        modelBuilder.Entity<DocumentRecord>().HasQueryFilter(d => SeesAll || Visible.Contains(d.UnitId));
        modelBuilder.Entity<ProjectRecord>().HasQueryFilter(p => SeesAll || Visible.Contains(p.Document!.UnitId));
        modelBuilder.Entity<IndicatorRecord>().HasQueryFilter(i => SeesAll || Visible.Contains(i.Project!.Document!.UnitId));
        modelBuilder.Entity<FindingRecord>().HasQueryFilter(f => SeesAll || Visible.Contains(f.Document!.UnitId));
        modelBuilder.Entity<SelfEvaluationRecord>().HasQueryFilter(s => SeesAll || Visible.Contains(s.Project!.Document!.UnitId));
        modelBuilder.Entity<MonitoringReportRecord>().HasQueryFilter(r => SeesAll || Visible.Contains(r.Project!.Document!.UnitId));
        modelBuilder.Entity<DocumentVersionRecord>().HasQueryFilter(v => SeesAll || Visible.Contains(v.Document!.UnitId));
        modelBuilder.Entity<CommentRecord>().HasQueryFilter(c => SeesAll || Visible.Contains(c.Document!.UnitId));
        modelBuilder.Entity<AuditRecord>().HasQueryFilter(a => SeesAll || (a.UnitId != null && Visible.Contains(a.UnitId.Value)));
    }
}
