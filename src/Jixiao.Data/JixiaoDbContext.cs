using Jixiao.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Data;

/// <summary>
/// The one EF model, for SQLite and PostgreSQL alike; the provider and its migrations assembly are chosen
/// where the context is configured (the web application's composition root). The context is the unit of work.
/// </summary>
public sealed class JixiaoDbContext(DbContextOptions<JixiaoDbContext> options) : DbContext(options)
{
    public DbSet<UnitRecord> Units => Set<UnitRecord>();

    public DbSet<DocumentRecord> Documents => Set<DocumentRecord>();

    public DbSet<ProjectRecord> Projects => Set<ProjectRecord>();

    public DbSet<IndicatorRecord> Indicators => Set<IndicatorRecord>();

    public DbSet<ClauseRecord> Clauses => Set<ClauseRecord>();

    public DbSet<FindingRecord> Findings => Set<FindingRecord>();

    public DbSet<DiagnosticRecord> Diagnostics => Set<DiagnosticRecord>();

    public DbSet<SelfEvaluationRecord> SelfEvaluations => Set<SelfEvaluationRecord>();

    public DbSet<MonitoringReportRecord> MonitoringReports => Set<MonitoringReportRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(JixiaoDbContext).Assembly);
    }
}
