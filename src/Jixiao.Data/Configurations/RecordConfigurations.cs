using Jixiao.Data.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jixiao.Data.Configurations;

internal sealed class UnitConfiguration : IEntityTypeConfiguration<UnitRecord>
{
    public void Configure(EntityTypeBuilder<UnitRecord> builder)
    {
        builder.ToTable("units");
        builder.HasIndex(u => u.Name).IsUnique();
        builder.Property(u => u.Kind).HasMaxLength(16);
        builder.HasOne(u => u.Parent).WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<DocumentRecord>
{
    public void Configure(EntityTypeBuilder<DocumentRecord> builder)
    {
        builder.ToTable("documents");
        builder.HasOne(d => d.Unit).WithMany(u => u.Documents).HasForeignKey(d => d.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.UnitId, d.Title, d.Year });
        builder.Property(d => d.ImportKey).HasMaxLength(300);
        builder.HasIndex(d => d.ImportKey).IsUnique();
        builder.Property(d => d.Status).HasMaxLength(16);
        builder.Property(d => d.RulesDigest).HasMaxLength(64);
        builder.Property(d => d.Kind).HasMaxLength(24).HasDefaultValue("summary");
        builder.Property(d => d.Score).HasPrecision(5, 1);
        builder.HasMany(d => d.Projects).WithOne(p => p.Document).HasForeignKey(p => p.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.Findings).WithOne(f => f.Document).HasForeignKey(f => f.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.Diagnostics).WithOne().HasForeignKey(f => f.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<ProjectRecord>
{
    public void Configure(EntityTypeBuilder<ProjectRecord> builder)
    {
        builder.ToTable("projects");
        builder.HasIndex(p => new { p.DocumentId, p.Position });
        builder.Property(p => p.Score).HasPrecision(5, 1);
        foreach (var attribute in new[] { nameof(ProjectRecord.Department), nameof(ProjectRecord.DepartmentCode), nameof(ProjectRecord.ImplementingUnit),
                     nameof(ProjectRecord.Category), nameof(ProjectRecord.Period), nameof(ProjectRecord.LongTermGoal) })
        {
            builder.Property<string>(attribute).HasDefaultValue("");
        }

        // Two people editing one project: the second save sees a changed version and is refused.
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasMany(p => p.Indicators).WithOne(i => i.Project).HasForeignKey(i => i.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProjectTermsConfiguration : IEntityTypeConfiguration<ProjectTermsRecord>
{
    public void Configure(EntityTypeBuilder<ProjectTermsRecord> builder)
    {
        // The full-text index over Terms is made by each provider's migration (FTS5 on SQLite, GIN on PostgreSQL).
        builder.ToTable("project_terms");
        builder.HasKey(t => t.ProjectId);
        builder.Property(t => t.ProjectId).ValueGeneratedNever();
        builder.HasOne<ProjectRecord>().WithOne().HasForeignKey<ProjectTermsRecord>(t => t.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<IndicatorRecord>
{
    public void Configure(EntityTypeBuilder<IndicatorRecord> builder)
    {
        builder.ToTable("indicators");
        builder.HasIndex(i => new { i.ProjectId, i.Position });
        builder.HasIndex(i => i.Level1);
        builder.Property(i => i.Explanation).HasDefaultValue("");
        builder.Property(i => i.Standard).HasDefaultValue("");
        builder.HasMany(i => i.Clauses).WithOne().HasForeignKey(c => c.IndicatorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ClauseConfiguration : IEntityTypeConfiguration<ClauseRecord>
{
    public void Configure(EntityTypeBuilder<ClauseRecord> builder)
    {
        builder.ToTable("target_clauses");
        builder.HasIndex(c => new { c.IndicatorId, c.Position });

        // 20 digits with 6 decimals holds every value the grammar reads (亿 included) exactly.
        builder.Property(c => c.Value).HasPrecision(26, 6);
    }
}

internal sealed class FindingConfiguration : IEntityTypeConfiguration<FindingRecord>
{
    public void Configure(EntityTypeBuilder<FindingRecord> builder)
    {
        builder.ToTable("findings");
        builder.HasIndex(f => f.DocumentId);
        builder.HasIndex(f => new { f.ProjectId, f.Severity });
        builder.HasOne(f => f.Project).WithMany(p => p.Findings).HasForeignKey(f => f.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DiagnosticConfiguration : IEntityTypeConfiguration<DiagnosticRecord>
{
    public void Configure(EntityTypeBuilder<DiagnosticRecord> builder)
    {
        builder.ToTable("diagnostics");
        builder.HasIndex(d => d.DocumentId);
    }
}

internal sealed class SelfEvaluationConfiguration : IEntityTypeConfiguration<SelfEvaluationRecord>
{
    public void Configure(EntityTypeBuilder<SelfEvaluationRecord> builder)
    {
        builder.ToTable("self_evaluations");
        builder.HasIndex(s => s.ProjectId).IsUnique();
        builder.HasOne(s => s.Project).WithMany().HasForeignKey(s => s.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Score).HasPrecision(6, 2);
        builder.HasMany(s => s.Actuals).WithOne().HasForeignKey(a => a.SelfEvaluationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ActualConfiguration : IEntityTypeConfiguration<ActualRecord>
{
    public void Configure(EntityTypeBuilder<ActualRecord> builder)
    {
        builder.ToTable("indicator_actuals");
        builder.HasIndex(a => new { a.SelfEvaluationId, a.Seq }).IsUnique();
    }
}

internal sealed class MonitoringReportConfiguration : IEntityTypeConfiguration<MonitoringReportRecord>
{
    public void Configure(EntityTypeBuilder<MonitoringReportRecord> builder)
    {
        builder.ToTable("monitoring_reports");
        builder.HasIndex(r => new { r.ProjectId, r.Month }).IsUnique();
        builder.HasOne(r => r.Project).WithMany().HasForeignKey(r => r.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.ExecutionRate).HasPrecision(12, 6);
        builder.HasMany(r => r.Progress).WithOne().HasForeignKey(p => p.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProgressConfiguration : IEntityTypeConfiguration<ProgressRecord>
{
    public void Configure(EntityTypeBuilder<ProgressRecord> builder)
    {
        builder.ToTable("indicator_progress");
        builder.HasIndex(p => new { p.ReportId, p.Seq }).IsUnique();
    }
}

internal sealed class UserScopeConfiguration : IEntityTypeConfiguration<UserScopeRecord>
{
    public void Configure(EntityTypeBuilder<UserScopeRecord> builder)
    {
        builder.ToTable("user_scopes");
        builder.HasKey(s => new { s.UserId, s.UnitId });
        builder.HasOne<JixiaoUser>().WithMany(u => u.Scopes).HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.Unit).WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AccessTokenConfiguration : IEntityTypeConfiguration<AccessTokenRecord>
{
    public void Configure(EntityTypeBuilder<AccessTokenRecord> builder)
    {
        builder.ToTable("access_tokens");
        builder.HasIndex(t => t.Hash).IsUnique();
        builder.HasIndex(t => t.UserId);
        builder.HasOne<JixiaoUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DocumentVersionConfiguration : IEntityTypeConfiguration<DocumentVersionRecord>
{
    public void Configure(EntityTypeBuilder<DocumentVersionRecord> builder)
    {
        builder.ToTable("document_versions");
        builder.HasIndex(v => new { v.DocumentId, v.Number }).IsUnique();
        builder.HasOne(v => v.Document).WithMany().HasForeignKey(v => v.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CommentConfiguration : IEntityTypeConfiguration<CommentRecord>
{
    public void Configure(EntityTypeBuilder<CommentRecord> builder)
    {
        builder.ToTable("review_comments");
        builder.HasIndex(c => new { c.DocumentId, c.ProjectId });
        builder.HasOne(c => c.Document).WithMany().HasForeignKey(c => c.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditConfiguration : IEntityTypeConfiguration<AuditRecord>
{
    public void Configure(EntityTypeBuilder<AuditRecord> builder)
    {
        builder.ToTable("audit_trail");
        builder.HasIndex(a => new { a.ProjectId, a.Id });
        builder.HasIndex(a => new { a.DocumentId, a.Id });
        builder.HasIndex(a => a.At);
    }
}

internal sealed class SeasonConfiguration : IEntityTypeConfiguration<SeasonRecord>
{
    public void Configure(EntityTypeBuilder<SeasonRecord> builder)
    {
        builder.ToTable("seasons");
        builder.HasIndex(s => new { s.Year, s.RegionId }).IsUnique();
        builder.Property(s => s.OpenedBy).HasMaxLength(200);
    }
}
