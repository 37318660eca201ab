using Jixiao.Web.Infrastructure;

namespace Jixiao.Web.Features.Documents;

/// <summary>How the projects of a table are listed on its page.</summary>
/// <param name="Q">Text in a project's name or goal; blank for all.</param>
/// <param name="Sort"><c>position</c>, <c>score</c>, <c>total</c>, <c>findings</c> or <c>name</c>.</param>
/// <param name="Page">From 1; held within the pages there are.</param>
/// <param name="PageSize">Projects per page.</param>
public sealed record ProjectListing(string? Q, string Sort, int Page, int PageSize);

/// <summary>One line of a table's project list.</summary>
public sealed record ProjectRow(int Id, int Number, string Name, long? TotalFen, long? FiscalFen, long? SpecialFen, long? OtherFen, int Indicators, decimal Score, int Findings);

/// <summary>Everything a table's page shows.</summary>
public sealed record DocumentView(
    DocumentRecord Document,
    IReadOnlyList<FindingRecord> UnitFindings,
    IReadOnlyList<ProjectRow> Projects,
    int Matching,
    int Page,
    IReadOnlyList<(decimal Score, string Grade)> Evaluations,
    IReadOnlyList<CommentRecord> Comments,
    IReadOnlyList<HistoryDto> History,
    IReadOnlyList<DocumentVersionRecord> Versions,
    IReadOnlyList<(int Id, string Name)> ProjectNames)
{
    /// <summary>The edits of the table's projects since it was last returned (none when it never was).</summary>
    public IReadOnlyList<HistoryDto> ChangesSinceReturn { get; init; } = [];
}

/// <summary>Which stored tables a list shows; every part optional.</summary>
/// <param name="State">Only tables in this workflow state.</param>
/// <param name="Year">Only this budget year.</param>
/// <param name="Unit">A unit, department or region: its id, or its name (then its subtree), or part of a unit's name.</param>
/// <param name="HasErrors">True: only tables with review errors open; false: only those without.</param>
/// <param name="MinScore">The lowest quality score.</param>
/// <param name="MaxScore">The highest quality score.</param>
public sealed record DocumentFilter(WorkState? State = null, int? Year = null, string? Unit = null, bool? HasErrors = null, decimal? MinScore = null, decimal? MaxScore = null);

/// <summary>The order of a list of tables.</summary>
public enum DocumentSort
{
    /// <summary>As stored (the API's order).</summary>
    Stored,

    /// <summary>Newest import first.</summary>
    Newest,

    /// <summary>By unit name, then year.</summary>
    Unit,

    /// <summary>Latest budget year first.</summary>
    Year,

    /// <summary>Lowest quality score first.</summary>
    Score,

    /// <summary>Most errors first.</summary>
    Errors,

    /// <summary>Grouped by workflow state.</summary>
    State,
}

/// <summary>Reading stored tables for the pages and the API: lists, one table's page, the table as JSON or as the domain reads it.</summary>
public sealed class DocumentQueries(JixiaoDbContext db, CurrentUser user, WorkflowHistory history)
{
    /// <summary>
    /// The tables the user sees that <paramref name="filter"/> keeps, in <paramref name="sort"/> order: how many,
    /// and one page of them (<paramref name="page"/> from 1, held within the pages there are); all of them when
    /// <paramref name="pageSize"/> is null.
    /// </summary>
    public async Task<(int Count, int Page, List<DocumentSummaryDto> Items)> ListAsync(DocumentFilter filter, DocumentSort sort, int page, int? pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = await FilterAsync(filter, cancellationToken);
        var count = await query.CountAsync(cancellationToken);
        query = sort switch
        {
            DocumentSort.Stored => query.OrderBy(d => d.Id),
            DocumentSort.Newest => query.OrderByDescending(d => d.Id),
            DocumentSort.Unit => query.OrderBy(d => d.Unit!.Name).ThenByDescending(d => d.Year).ThenBy(d => d.Id),
            DocumentSort.Year => query.OrderByDescending(d => d.Year).ThenBy(d => d.Unit!.Name).ThenBy(d => d.Id),
            DocumentSort.Score => query.OrderBy(d => d.Score).ThenBy(d => d.Id),
            DocumentSort.Errors => query.OrderByDescending(d => d.ErrorCount).ThenBy(d => d.Id),
            DocumentSort.State => query.OrderBy(d => d.Status).ThenBy(d => d.Id),
        };
        if (pageSize is { } size)
        {
            page = Math.Clamp(page, 1, Math.Max(1, (count + size - 1) / size));
            query = query.Skip((page - 1) * size).Take(size);
        }

        var rows = await query
            .Select(d => new { d.Id, Unit = d.Unit!.Name, d.Title, d.Year, d.FileName, d.ImportedAt, Projects = d.Projects.Count, d.Score, d.ErrorCount, d.WarningCount, d.InfoCount, d.Status, d.VersionNumber })
            .ToListAsync(cancellationToken);
        return (count, page, [.. rows.Select(d => new DocumentSummaryDto(d.Id, d.Unit, d.Title, d.Year, d.FileName, d.ImportedAt, d.Projects, d.Score, d.ErrorCount, d.WarningCount, d.InfoCount)
        {
            State = d.Status.JsonName(),
            StateName = d.Status.Chinese(),
            Version = d.VersionNumber,
        })]);
    }

    private async Task<IQueryable<DocumentRecord>> FilterAsync(DocumentFilter filter, CancellationToken cancellationToken)
    {
        var query = db.Documents.AsNoTracking();
        if (filter.State is { } state)
        {
            query = query.Where(d => d.Status == state);
        }

        if (filter.Year is { } year)
        {
            query = query.Where(d => d.Year == year);
        }

        if (!string.IsNullOrWhiteSpace(filter.Unit))
        {
            var units = await UnitsUnderAsync(filter.Unit.Trim(), cancellationToken);
            var name = filter.Unit.Trim();
            query = units is null ? query.Where(d => d.Unit!.Name.Contains(name)) : query.Where(d => units.Contains(d.UnitId));
        }

        if (filter.HasErrors is { } errors)
        {
            query = errors ? query.Where(d => d.ErrorCount > 0) : query.Where(d => d.ErrorCount == 0);
        }

        if (filter.MinScore is { } min)
        {
            query = query.Where(d => d.Score >= min);
        }

        if (filter.MaxScore is { } max)
        {
            query = query.Where(d => d.Score <= max);
        }

        return query;
    }

    /// <summary>The ids of the node named or numbered <paramref name="unit"/> and everything under it; null when no node is so named.</summary>
    public async Task<List<int>?> UnitsUnderAsync(string unit, CancellationToken cancellationToken) =>
        (await UnitNodes.LoadAsync(db, cancellationToken)).Subtree(unit) is { } ids ? [.. ids] : null;

    /// <summary>One table's page; null when there is no such table (or it is not visible).</summary>
    public async Task<DocumentView?> ViewAsync(int id, ProjectListing listing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listing);
        var document = await db.Documents.AsNoTracking().Include(d => d.Unit).FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is null)
        {
            return null;
        }

        var evaluations = (await db.SelfEvaluations.AsNoTracking()
            .Where(s => db.Projects.Any(p => p.Id == s.ProjectId && p.DocumentId == id))
            .Select(s => new { s.Score, s.Grade }).ToListAsync(cancellationToken)).Select(s => (s.Score, s.Grade)).ToList();
        var unitFindings = await db.Findings.AsNoTracking().Where(f => f.DocumentId == id && f.ProjectId == null).OrderBy(f => f.Id).ToListAsync(cancellationToken);

        var query = db.Projects.AsNoTracking().Where(p => p.DocumentId == id);
        if (!string.IsNullOrWhiteSpace(listing.Q))
        {
            var q = listing.Q.Trim();
            query = query.Where(p => p.Name.Contains(q) || p.Goal.Contains(q));
        }

        var matching = await query.CountAsync(cancellationToken);
        var page = Math.Clamp(listing.Page, 1, Math.Max(1, (matching + listing.PageSize - 1) / listing.PageSize));
        query = listing.Sort switch
        {
            "score" => query.OrderBy(p => p.Score).ThenBy(p => p.Position),
            "total" => query.OrderByDescending(p => p.TotalFen).ThenBy(p => p.Position),
            "findings" => query.OrderByDescending(p => p.FindingCount).ThenBy(p => p.Position),
            "name" => query.OrderBy(p => p.Name).ThenBy(p => p.Position),
            _ => query.OrderBy(p => p.Position),
        };
        var comments = await db.Comments.AsNoTracking().Where(c => c.DocumentId == id).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var steps = await history.OfDocumentAsync(id, stepsOnly: true, cancellationToken) ?? [];
        var versions = await db.DocumentVersions.AsNoTracking().Where(v => v.DocumentId == id).OrderBy(v => v.Number).ToListAsync(cancellationToken);
        IReadOnlyList<(int, string)> names = [];
        if (user.May(WorkAction.Return, document.Status))
        {
            names = [.. (await db.Projects.AsNoTracking().Where(p => p.DocumentId == id).OrderBy(p => p.Position).Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken)).Select(p => (p.Id, p.Name))];
        }

        var projects = await query.Skip((page - 1) * listing.PageSize).Take(listing.PageSize)
            .Select(p => new ProjectRow(p.Id, p.Position + 1, p.Name, p.TotalFen, p.FiscalFen, p.SpecialFen, p.OtherFen, p.Indicators.Count, p.Score, p.FindingCount))
            .ToListAsync(cancellationToken);
        var returnedAt = steps.LastOrDefault(h => h.Action == "document.return")?.Id;
        var changes = returnedAt is { } since && document.Status is WorkState.Submitted or WorkState.Endorsed or WorkState.Returned
            ? await history.OfDocumentAsync(id, stepsOnly: false, cancellationToken) ?? []
            : [];
        return new DocumentView(document, unitFindings, projects, matching, page, evaluations, comments, steps, versions, names)
        {
            ChangesSinceReturn = [.. changes.Where(h => h.Id > returnedAt && h.Action == "project.edit")],
        };
    }

    /// <summary>The unit of a table; null when there is no such table.</summary>
    public Task<string?> UnitNameAsync(int id, CancellationToken cancellationToken) =>
        db.Documents.AsNoTracking().Where(d => d.Id == id).Select(d => d.Unit!.Name).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The stored table as the domain reads it; null when there is none.</summary>
    public async Task<TargetDocument?> DomainAsync(int id, CancellationToken cancellationToken) =>
        (await UnitReview.LoadAsync(db.Documents.Where(d => d.Id == id), cancellationToken)).SingleOrDefault() is { } record ? DocumentMapping.ToDomain(record) : null;

    /// <summary>The stored table in the JSON shape of the command line, with the ids of table, projects and indicators; null when there is none.</summary>
    /// <summary>
    /// The table's entity tag: its id, when it was imported, the rules it was reviewed by, its version and
    /// the sum of its projects' versions (each edit adds one), so any change to what the JSON says changes
    /// it. Null when there is no such table the user may see.
    /// </summary>
    public async Task<string?> TagAsync(int id, CancellationToken cancellationToken)
    {
        var state = await db.Documents.AsNoTracking().Where(d => d.Id == id)
            .Select(d => new { d.ImportedAt, d.RulesDigest, d.VersionNumber, Projects = d.Projects.Count, Edits = d.Projects.Sum(p => p.Version) })
            .FirstOrDefaultAsync(cancellationToken);
        if (state is null)
        {
            return null;
        }

        var text = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{id}|{state.ImportedAt.UtcTicks}|{state.RulesDigest}|{state.VersionNumber}|{state.Projects}|{state.Edits}");
        return "\"" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..16] + "\"";
    }

    public async Task<(DocumentDto Json, TargetDocument Document, string FileName)?> JsonAsync(int id, CancellationToken cancellationToken)
    {
        if ((await UnitReview.LoadAsync(db.Documents.Where(d => d.Id == id).Include(d => d.Diagnostics), cancellationToken)).SingleOrDefault() is not { } record)
        {
            return null;
        }

        var document = DocumentMapping.ToDomain(record);
        return (DocumentJson.ToDto(document, DocumentMapping.DiagnosticsOf(record)), document, record.FileName);
    }
}
