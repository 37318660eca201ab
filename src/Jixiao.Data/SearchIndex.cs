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
public sealed class SearchIndex(string sql, string separator)
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
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.Count == 0 || terms.Any(t => t.Length == 0 || !t.All(char.IsAsciiLetterLower)))
        {
            throw new ArgumentException("Terms are non-empty runs of lower-case letters.", nameof(terms));
        }

        return db.Database.SqlQueryRaw<int>(sql, string.Join(separator, terms));
    }
}
