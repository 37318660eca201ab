using Jixiao.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Data;

/// <summary>Writes a new document's records, in chunks, inside the caller's transaction.</summary>
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

        // New entities only: nothing to detect beyond what Add already saw.
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var pending = 0;
            foreach (var project in projects)
            {
                project.Document = null;
                project.DocumentId = id;
                foreach (var finding in project.Findings)
                {
                    finding.DocumentId = id;
                }

                db.Projects.Add(project);
                if (++pending == Chunk)
                {
                    await db.SaveChangesAsync(cancellationToken);
                    db.ChangeTracker.Clear();
                    pending = 0;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }

        return id;
    }
}
