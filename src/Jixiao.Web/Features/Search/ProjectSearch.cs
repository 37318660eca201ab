namespace Jixiao.Web.Features.Search;

/// <summary>What to look for: text in a project's name, goal, indicator names or targets; the unit; a level 1 with indicators; a finding's severity; bounds on 总计 in 万元.</summary>
public sealed record ProjectFilter(string? Q, string? Unit, string? Level1, string? Severity, decimal? MinTotal, decimal? MaxTotal);

/// <summary>One project found, its amounts in fen and the unit its table writes them in.</summary>
public sealed record ProjectHit(int Id, int DocumentId, string UnitName, int? Year, string AmountUnit, string Name,
    long? TotalFen, long? FiscalFen, long? SpecialFen, long? OtherFen, int Indicators, decimal Score, int Findings);

/// <summary>Finding projects across the visible tables, for the search page and <c>GET /api/projects</c> alike.</summary>
public sealed class ProjectSearch(Infrastructure.ReadOnlyData reads, IDataScope scope)
{
    /// <summary>The level-1 names a filter may give.</summary>
    public static readonly string[] Level1Names = ["output", "benefit", "satisfaction", "cost"];

    /// <summary>The severities a filter may give.</summary>
    public static readonly string[] Severities = ["error", "warning", "info"];

    /// <summary>How many projects match, and one page of them (<paramref name="page"/> from 1, held within the pages there are), in table order.</summary>
    public async Task<(int Total, int Page, List<ProjectHit> Hits)> FindAsync(ProjectFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var db = reads.Context;
        if (scope.AllUnits && filter is { Q: null or "", Unit: null or "", Level1: null, Severity: null, MinTotal: null, MaxTotal: null })
        {
            // The unfiltered list of someone who sees every unit is the most asked for: its two queries skip
            // the unit filter's joins and are compiled once. (A compiled query would keep the unit filter of
            // the first user it ran for, so the filtered lists are never compiled.)
            var all = await CountEverything.For(db)(db);
            page = Math.Clamp(page, 1, Math.Max(1, (all + pageSize - 1) / pageSize));
            var list = new List<ProjectHit>(pageSize);
            await foreach (var hit in PageOfEverything.For(db)(db, (page - 1) * pageSize, pageSize).WithCancellation(cancellationToken))
            {
                list.Add(hit);
            }

            return (all, page, list);
        }

        var (query, exact) = Filter(filter, Walk.None);
        // Someone who sees every unit, searching by text alone, is counted from the index: its matches are the projects.
        var total = exact is not null && scope.AllUnits && filter is { Unit: null or "", Level1: null, Severity: null, MinTotal: null, MaxTotal: null }
            ? await exact.Value.Index.CountAsync(db, exact.Value.Terms, cancellationToken)
            : await query.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        // Few matches are fetched and sorted; many are met walking the projects in table order, up to the page.
        if (total > ManyMatches)
        {
            (query, _) = Filter(filter, await ProbingPaysAsync(total, (long)page * pageSize, cancellationToken) ? Walk.Probing : Walk.InTableOrder);
        }

        var hits = await query.OrderBy(p => p.DocumentId).ThenBy(p => p.Position)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(p => new ProjectHit(p.Id, p.DocumentId, p.Document!.Unit!.Name, p.Document.Year, p.Document.AmountUnit, p.Name,
                p.TotalFen, p.FiscalFen, p.SpecialFen, p.OtherFen, p.Indicators.Count, p.Score, p.FindingCount))
            .ToListAsync(cancellationToken);
        return (total, page, hits);
    }

    private static readonly CompiledPerModel<Func<JixiaoDbContext, Task<int>>> CountEverything = new(() => EF.CompileAsyncQuery((JixiaoDbContext db) => db.Projects.IgnoreQueryFilters().Count()));

    private static readonly CompiledPerModel<Func<JixiaoDbContext, int, int, IAsyncEnumerable<ProjectHit>>> PageOfEverything = new(() => EF.CompileAsyncQuery((JixiaoDbContext db, int skip, int take) =>
        db.Projects.IgnoreQueryFilters().AsNoTracking().OrderBy(p => p.DocumentId).ThenBy(p => p.Position).Skip(skip).Take(take)
            .Select(p => new ProjectHit(p.Id, p.DocumentId, p.Document!.Unit!.Name, p.Document.Year, p.Document.AmountUnit, p.Name,
                p.TotalFen, p.FiscalFen, p.SpecialFen, p.OtherFen, db.Indicators.IgnoreQueryFilters().Count(i => i.ProjectId == p.Id), p.Score, p.FindingCount))));

    /// <summary>
    /// Above this many matches a page is found by walking the projects in table order rather than by sorting the
    /// matches. (Settable so that tests reach every way of finding a page with a small corpus; each gives the same page.)
    /// </summary>
    internal static int ManyMatches { get; set; } = 2000;

    /// <summary>How a page of many matches is found.</summary>
    private enum Walk
    {
        /// <summary>The matches are fetched and sorted (few of them).</summary>
        None,

        /// <summary>The projects are walked in table order, each looked up among the index's matches.</summary>
        InTableOrder,

        /// <summary>The projects are walked in table order, each tested against the index by its key (<see cref="SearchIndex.Has"/>, or the index's query narrowed to its row).</summary>
        Probing,
    }

    /// <summary>
    /// Whether walking the projects and testing each is cheaper than reading every match from the index: the walk
    /// tests about <paramref name="through"/> × projects ÷ matches rows to reach the page's end, each a key lookup
    /// costing as much as reading <see cref="SearchIndex.ProbeCost"/> matches from the index (100 on PostgreSQL, 200 on SQLite).
    /// </summary>
    private async Task<bool> ProbingPaysAsync(int matches, long through, CancellationToken cancellationToken)
    {
        if (SearchIndex.For(reads.Context) is not { Probes: true } index)
        {
            return false;
        }

        var cost = ProbeCost ?? index.ProbeCost ?? 0;
        if (cost == 0)
        {
            return true;
        }

        // Unknown (a table the database has not yet counted): the walk's cost cannot be told, so the matches are read.
        var projects = await index.ProjectsAboutAsync(reads.Context, cancellationToken);
        return projects > 0 && through * projects / matches * cost < matches;
    }

    /// <summary>
    /// What testing one project by its key costs, in matches read from the index; null for the index's own
    /// measure (<see cref="SearchIndex.ProbeCost"/>). Settable for tests as <see cref="ManyMatches"/> is.
    /// </summary>
    internal static long? ProbeCost { get; set; }

    /// <summary>The projects that match <paramref name="filter"/>; and, when the index alone decides the text, the index and the terms that decide it.</summary>
    private (IQueryable<ProjectRecord> Query, (SearchIndex Index, IReadOnlyList<string> Terms)? Exact) Filter(ProjectFilter filter, Walk walk)
    {
        var query = reads.Context.Projects.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var text = filter.Q.Trim();
            // The full-text index narrows to the projects that have every word of the text (in the same
            // statement as the unit filter); unless those words are the text itself, it is then looked for.
            if (SearchIndex.For(reads.Context) is { } index && SearchTerms.ForQuery(text) is { Count: > 0 } terms)
            {
                var candidates = index.Matching(reads.Context, terms);
                // With many matches, "Id + 0" rather than "Id": a term the planner cannot take as a key lookup, so
                // that SQLite walks the projects in table order and stops at the page instead of sorting every match.
                query = walk switch
                {
                    // "c > 0" (ids are positive) keeps EF from writing the test as "Id IN (matches)", which
                    // SQLite would run by gathering every match first; as EXISTS, the project's id is the row sought.
                    Walk.Probing when index.HasFunction is null => query.Where(p => candidates.Any(c => c == p.Id && c > 0)),
                    Walk.Probing => Probing(query, index.Expression(terms)),
                    Walk.InTableOrder => query.Where(p => candidates.Contains(p.Id + 0)),
                    _ => query.Where(p => candidates.Contains(p.Id)),
                };
                if (SearchTerms.IsExact(text))
                {
                    return (Narrow(query, filter), (index, terms));
                }
            }

            query = query.Where(p => p.Name.Contains(text) || p.Goal.Contains(text)
                || p.Indicators.Any(i => i.Name.Contains(text) || i.TargetText.Contains(text)));
        }

        return (Narrow(query, filter), null);
    }

    private static IQueryable<ProjectRecord> Probing(IQueryable<ProjectRecord> query, string expression) =>
        query.Where(p => SearchIndex.Has(p.Id, expression));

    /// <summary>The filters other than the text.</summary>
    private static IQueryable<ProjectRecord> Narrow(IQueryable<ProjectRecord> query, ProjectFilter filter)
    {
        if (!string.IsNullOrWhiteSpace(filter.Unit))
        {
            var name = filter.Unit.Trim();
            query = query.Where(p => p.Document!.Unit!.Name.Contains(name));
        }

        if (filter.Level1 is { } level1 && Level1Names.Contains(level1))
        {
            query = query.Where(p => p.Indicators.Any(i => i.Level1 == level1));
        }

        if (filter.Severity is { } severity && Severities.Contains(severity))
        {
            query = query.Where(p => p.Findings.Any(f => f.Severity == severity));
        }

        // Amount bounds are in 万元 and compared in fen.
        if (filter.MinTotal is { } min && Money.TryFromWanYuan(min, out var minMoney))
        {
            query = query.Where(p => p.TotalFen >= minMoney.Fen);
        }

        if (filter.MaxTotal is { } max && Money.TryFromWanYuan(max, out var maxMoney))
        {
            query = query.Where(p => p.TotalFen <= maxMoney.Fen);
        }

        return query;
    }
}

/// <summary>
/// Answers of <c>GET /api/projects</c> as sent, per user and query, kept while nothing has been committed to
/// the database (or the replica it is read from) since they were read (<see cref="Infrastructure.DataGeneration"/>): the list is asked for far
/// more often than the data changes. A user's role and units are in the database too, so any change to them
/// moves the generation as well.
/// </summary>
public sealed class KeptProjectPages(Infrastructure.DataGeneration primary, Infrastructure.ReadOnlyOptions replica) : IAsyncDisposable
{
    /// <summary>The most answers kept; past it the cache starts again.</summary>
    public const int Capacity = 256;

    /// <summary>The list is read from the replica when there is one, so what it keeps goes by the replica's generation.</summary>
    private readonly Infrastructure.PostgresDataGeneration? _replica = replica.ConnectionString is { } connection ? new(connection) : null;

    public Infrastructure.DataGeneration Generation => (Infrastructure.DataGeneration?)_replica ?? primary;

    public ValueTask DisposeAsync() => _replica?.DisposeAsync() ?? ValueTask.CompletedTask;

    public Infrastructure.GenerationCache<(string User, string Query), byte[]> Answers { get; } = new(Capacity);
}
