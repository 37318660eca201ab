using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Data;

/// <summary>
/// The full-text index over <see cref="Records.ProjectTermsRecord.Terms"/> as each database has it: a query of the
/// ids of the projects that have every given term, which composes into the caller's query so that the unit
/// filter and the rest of the search run in the same statement. Each provider registers its own.
/// </summary>
/// <param name="sql">The query, with <c>{0}</c> for the match expression and one column named <c>Value</c>.</param>
/// <param name="separator">What joins the terms in the match expression so that all of them must be there.</param>
/// <param name="countSql">A scalar query of how many projects match <c>{0}</c> (column <c>Value</c>); null to count <paramref name="sql"/>'s rows.</param>
/// <param name="probes">How one project is tested against the index (<see cref="Has"/>); null when the provider cannot.</param>
public sealed class SearchIndex(string sql, string separator, string? countSql = null, SearchProbes? probes = null)
{
    private static readonly ConcurrentDictionary<string, SearchIndex> Indexes = new(StringComparer.Ordinal);

    /// <summary>Makes <paramref name="index"/> the search index of the provider named <paramref name="providerName"/>.</summary>
    public static void Register(string providerName, SearchIndex index) => Indexes[providerName] = index;

    /// <summary>The search index of <paramref name="db"/>'s provider; null when it has none (the caller scans).</summary>
    public static SearchIndex? For(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.ProviderName is { } name && Indexes.TryGetValue(name, out var index) ? index : null;
    }

    /// <summary>The ids of the projects whose terms include every one of <paramref name="terms"/> (from <see cref="SearchTerms.ForQuery"/>).</summary>
    public IQueryable<int> Matching(DbContext db, IReadOnlyList<string> terms)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.SqlQueryRaw<int>(sql, Expression(terms));
    }

    /// <summary>How many projects have every one of <paramref name="terms"/>.</summary>
    public async Task<int> CountAsync(DbContext db, IReadOnlyList<string> terms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return countSql is null
            ? await Matching(db, terms).CountAsync(cancellationToken)
            : await db.Database.SqlQueryRaw<int>(countSql, Expression(terms)).SingleAsync(cancellationToken);
    }

    /// <summary>True when a project can be tested against the index one at a time (<see cref="Has"/> is mapped).</summary>
    public bool Probes => probes is not null;

    /// <summary>About how many projects are stored (from the database's statistics); 0 when unknown or when this index cannot probe.</summary>
    public async Task<long> ProjectsAboutAsync(DbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return probes is null ? 0 : Math.Max(0, await db.Database.SqlQueryRaw<long>(probes.SizeSql).SingleAsync(cancellationToken));
    }

    /// <summary>The match expression of <paramref name="terms"/>, as <see cref="Has"/> takes it.</summary>
    public string Expression(IReadOnlyList<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.Count == 0 || terms.Any(t => t.Length == 0 || !t.All(char.IsAsciiLetterLower)))
        {
            throw new ArgumentException("Terms are non-empty runs of lower-case letters.", nameof(terms));
        }

        return string.Join(separator, terms);
    }

    /// <summary>
    /// In a query, whether project <paramref name="projectId"/> has every term of <paramref name="expression"/>
    /// (from <see cref="Expression"/>): one lookup of that project's row in the index's table. Mapped to a
    /// database function where <see cref="Probes"/> is true; it cannot run outside a query.
    /// </summary>
    public static bool Has(int projectId, string expression) =>
        throw new InvalidOperationException($"{nameof(Has)} is translated to SQL and cannot be called directly.");

    /// <summary>
    /// The database function <see cref="Has"/> is mapped to; null when this index cannot probe, or probes with
    /// its own query (<see cref="Matching"/> with the project's id as its row, as SQLite's FTS5 takes it).
    /// </summary>
    public string? HasFunction => probes?.Function;

    /// <summary>What testing one project costs, in matches read from the index; null when this index cannot probe.</summary>
    public long? ProbeCost => probes?.Cost;
}

/// <summary>How a provider tests one project against its search index.</summary>
/// <param name="Function">
/// The database function of (project id, match expression) that <see cref="SearchIndex.Has"/> is; null when a
/// project is tested with the index's own query narrowed to that project's row (the database then looks the
/// row up within the match rather than reading every match).
/// </param>
/// <param name="SizeSql">A scalar query of about how many projects there are (column <c>Value</c>, 0 or less when unknown), to tell whether probing pays.</param>
/// <param name="Cost">What testing one project costs, in matches read from the index (measured, docs/performance.md).</param>
public sealed record SearchProbes(string? Function, string SizeSql, long Cost);
