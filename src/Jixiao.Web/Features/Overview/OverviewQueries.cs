namespace Jixiao.Web.Features.Overview;

/// <summary>What the overview counts over the tables the user sees.</summary>
/// <param name="Documents">Tables.</param>
/// <param name="Units">Units in the tree.</param>
/// <param name="Projects">Projects.</param>
/// <param name="Indicators">Indicators.</param>
/// <param name="Funds">Funds by source over all visible projects, in table order (总计 first).</param>
/// <param name="Errors">Findings of error severity.</param>
/// <param name="Warnings">Warnings.</param>
/// <param name="Infos">Infos.</param>
public sealed record OverviewCounts(int Documents, int Units, int Projects, int Indicators, IReadOnlyList<(string Source, Money Amount)> Funds,
    int Errors, int Warnings, int Infos);

/// <summary>The overview's counts.</summary>
public sealed class OverviewQueries(JixiaoDbContext db)
{
    public async Task<OverviewCounts> CountAsync(CancellationToken cancellationToken)
    {
        var documents = await db.Documents.CountAsync(cancellationToken);
        var units = await db.Units.CountAsync(cancellationToken);
        var projects = await db.Projects.CountAsync(cancellationToken);
        var indicators = await db.Indicators.CountAsync(cancellationToken);

        // Sums over integer fen; SQLite sums 64-bit integers exactly.
        var total = await db.Projects.SumAsync(p => p.TotalFen ?? 0, cancellationToken);
        var fiscal = await db.Projects.SumAsync(p => p.FiscalFen ?? 0, cancellationToken);
        var special = await db.Projects.SumAsync(p => p.SpecialFen ?? 0, cancellationToken);
        var other = await db.Projects.SumAsync(p => p.OtherFen ?? 0, cancellationToken);

        var bySeverity = await db.Findings.GroupBy(f => f.Severity).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        int Count(string severity) => bySeverity.FirstOrDefault(g => g.Key == severity)?.Count ?? 0;
        return new OverviewCounts(documents, units, projects, indicators,
            [("总计", new Money(total)), ("财政拨款", new Money(fiscal)), ("财政专户拨款", new Money(special)), ("其他资金", new Money(other))],
            Count("error"), Count("warning"), Count("info"));
    }
}
