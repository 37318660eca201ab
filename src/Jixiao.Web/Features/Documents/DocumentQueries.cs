
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
    IReadOnlyList<(int Id, string Name)> ProjectNames);

/// <summary>Reading stored tables for the pages and the API: lists, one table's page, the table as JSON or as the domain reads it.</summary>
public sealed class DocumentQueries(JixiaoDbContext db, CurrentUser user, WorkflowHistory history)
{
    /// <summary>How many tables the user sees.</summary>
    public Task<int> CountAsync(CancellationToken cancellationToken) => db.Documents.CountAsync(cancellationToken);

    /// <summary>The tables the user sees, newest first, one page of them (<paramref name="page"/> from 1); all of them in the order stored when <paramref name="pageSize"/> is null.</summary>
    public Task<List<DocumentSummaryDto>> ListAsync(int page, int? pageSize, CancellationToken cancellationToken)
    {
        var query = db.Documents.AsNoTracking();
        query = pageSize is { } size ? query.OrderByDescending(d => d.Id).Skip((page - 1) * size).Take(size) : query.OrderBy(d => d.Id);
        return query
            .Select(d => new DocumentSummaryDto(d.Id, d.Unit!.Name, d.Title, d.Year, d.FileName, d.ImportedAt, d.Projects.Count, d.Score, d.ErrorCount, d.WarningCount, d.InfoCount))
            .ToListAsync(cancellationToken);
    }

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
        return new DocumentView(document, unitFindings, projects, matching, page, evaluations, comments, steps, versions, names);
    }

    /// <summary>The unit of a table; null when there is no such table.</summary>
    public Task<string?> UnitNameAsync(int id, CancellationToken cancellationToken) =>
        db.Documents.AsNoTracking().Where(d => d.Id == id).Select(d => d.Unit!.Name).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The stored table as the domain reads it; null when there is none.</summary>
    public async Task<TargetDocument?> DomainAsync(int id, CancellationToken cancellationToken) =>
        (await UnitReview.LoadAsync(db.Documents.Where(d => d.Id == id), cancellationToken)).SingleOrDefault() is { } record ? DocumentMapping.ToDomain(record) : null;

    /// <summary>The stored table in the JSON shape of the command line, with the ids of table, projects and indicators; null when there is none.</summary>
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
