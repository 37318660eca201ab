using Jixiao.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Data;

/// <summary>Writes a new document's records (with each project's search terms), in chunks, inside the caller's transaction.</summary>
public static class DocumentStore
{
    /// <summary>Projects written per round trip; the change tracker is emptied between chunks.</summary>
    private const int Chunk = 100;

    /// <summary>
    /// Adds <paramref name="header"/> (unit, document, diagnostics, unit findings) and then
    /// <paramref name="projects"/> with their indicators, clauses and findings, <see cref="Chunk"/> at a
    /// time. The projects are enumerated as they are written, so a caller that maps them lazily never
    /// holds more than a chunk of records, and tracking stays small: one graph of a few hundred thousand
    /// rows would make EF's change detection, and the memory it holds, the largest cost of an import. Run
    /// it inside a transaction so the document is stored whole or not at all. Returns the new document's id.
    /// </summary>
    public static async Task<int> AddAsync(JixiaoDbContext db, DocumentRecord header, IEnumerable<ProjectRecord> projects, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(projects);
        header.Projects = [];
        db.Documents.Add(header);
        await db.SaveChangesAsync(cancellationToken);
        var id = header.Id;
        db.ChangeTracker.Clear();
        if (BulkRows.For(db) is { } bulk)
        {
            await BulkAddAsync(db, bulk, id, projects, cancellationToken);
            return id;
        }

        // New entities only: nothing to detect beyond what Add already saw.
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var pending = new List<ProjectRecord>(Chunk);
            foreach (var project in projects)
            {
                project.Document = null;
                project.DocumentId = id;
                foreach (var finding in project.Findings)
                {
                    finding.DocumentId = id;
                }

                db.Projects.Add(project);
                pending.Add(project);
                if (pending.Count == Chunk)
                {
                    await SaveChunkAsync(db, pending, cancellationToken);
                }
            }

            await SaveChunkAsync(db, pending, cancellationToken);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }

        return id;
    }

    /// <summary>Saves the projects added, then their search terms (which need the projects' ids).</summary>
    private static async Task SaveChunkAsync(JixiaoDbContext db, List<ProjectRecord> pending, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        db.ProjectTerms.AddRange(pending.Select(p => new ProjectTermsRecord { ProjectId = p.Id, Terms = SearchTerms.Of(p) }));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        pending.Clear();
    }

    /// <summary>Projects written per step of the bulk path: their rows are held in memory until written.</summary>
    private const int BulkChunk = 1000;

    /// <summary>
    /// The bulk path: each chunk's projects, indicators, clauses and findings get their ids in one step per
    /// table and are written with the database's own bulk means, no change tracking.
    /// </summary>
    private static async Task BulkAddAsync(JixiaoDbContext db, BulkRows bulk, int documentId, IEnumerable<ProjectRecord> projects, CancellationToken cancellationToken)
    {
        var projectTable = BulkTable.Of<ProjectRecord>(db);
        var indicatorTable = BulkTable.Of<IndicatorRecord>(db);
        var clauseTable = BulkTable.Of<ClauseRecord>(db);
        var findingTable = BulkTable.Of<FindingRecord>(db);
        var termsTable = BulkTable.Of<ProjectTermsRecord>(db);
        foreach (var chunk in projects.Chunk(BulkChunk))
        {
            var indicators = chunk.SelectMany(p => p.Indicators).ToList();
            var clauses = indicators.SelectMany(i => i.Clauses).ToList();
            var findings = chunk.SelectMany(p => p.Findings).ToList();
            var projectIds = await bulk.ReserveIdsAsync(db, projectTable, chunk.Length, cancellationToken);
            var indicatorIds = await bulk.ReserveIdsAsync(db, indicatorTable, indicators.Count, cancellationToken);
            var clauseIds = await bulk.ReserveIdsAsync(db, clauseTable, clauses.Count, cancellationToken);
            var findingIds = await bulk.ReserveIdsAsync(db, findingTable, findings.Count, cancellationToken);
            int i = 0, c = 0, f = 0;
            for (var p = 0; p < chunk.Length; p++)
            {
                var project = chunk[p];
                project.Id = checked((int)projectIds[p]);
                project.DocumentId = documentId;
                project.Document = null;
                foreach (var indicator in project.Indicators)
                {
                    indicator.Id = checked((int)indicatorIds[i++]);
                    indicator.ProjectId = project.Id;
                    foreach (var clause in indicator.Clauses)
                    {
                        clause.Id = checked((int)clauseIds[c++]);
                        clause.IndicatorId = indicator.Id;
                    }
                }

                foreach (var finding in project.Findings)
                {
                    finding.Id = checked((int)findingIds[f++]);
                    finding.DocumentId = documentId;
                    finding.ProjectId = project.Id;
                }
            }

            await bulk.WriteAsync(db, projectTable, chunk, cancellationToken);
            await bulk.WriteAsync(db, indicatorTable, indicators, cancellationToken);
            await bulk.WriteAsync(db, clauseTable, clauses, cancellationToken);
            await bulk.WriteAsync(db, findingTable, findings, cancellationToken);
            await bulk.WriteAsync(db, termsTable, [.. chunk.Select(p => new ProjectTermsRecord { ProjectId = p.Id, Terms = SearchTerms.Of(p) })], cancellationToken);
        }
    }

    /// <summary>
    /// Gives every stored project that has none its search terms (a database from before the search index,
    /// or a project written by a path that left them out), <paramref name="batch"/> projects per step;
    /// <paramref name="progress"/> hears (done, total). Returns how many were indexed.
    /// </summary>
    public static async Task<int> IndexMissingTermsAsync(JixiaoDbContext db, Action<int, int>? progress, CancellationToken cancellationToken, int batch = 500)
    {
        ArgumentNullException.ThrowIfNull(db);
        var missing = db.Projects.IgnoreQueryFilters().Where(p => !db.ProjectTerms.Any(t => t.ProjectId == p.Id));
        var total = await missing.CountAsync(cancellationToken);
        var done = 0;
        while (done < total)
        {
            var projects = await missing.AsNoTracking().OrderBy(p => p.Id).Take(batch)
                .Include(p => p.Indicators.OrderBy(i => i.Position)).AsSplitQuery().ToListAsync(cancellationToken);
            if (projects.Count == 0)
            {
                break;
            }

            db.ProjectTerms.AddRange(projects.Select(p => new ProjectTermsRecord { ProjectId = p.Id, Terms = SearchTerms.Of(p) }));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            done += projects.Count;
            progress?.Invoke(done, total);
        }

        return done;
    }
}
