using Jixiao.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Data;

/// <summary>Writes a new document's records, in chunks, inside the caller's transaction.</summary>
public static class DocumentStore
{
    /// <summary>Projects written per round trip; the change tracker is emptied between chunks.</summary>
    private const int Chunk = 250;

    /// <summary>
    /// Adds <paramref name="record"/> (unit, document, diagnostics, unit findings) and then its projects
    /// with their indicators, clauses and findings, <see cref="Chunk"/> projects at a time. Tracking one
    /// graph of a few hundred thousand rows makes EF's change detection the largest cost of an import;
    /// chunks keep it linear. Run it inside a transaction so the document is stored whole or not at all.
    /// Returns the new document's id.
    /// </summary>
    public static async Task<int> AddAsync(JixiaoDbContext db, DocumentRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(record);
        var projects = record.Projects;
        var projectFindings = record.Findings.Where(f => f.Project is not null).ToLookup(f => f.Project!);
        record.Projects = [];
        record.Findings = [.. record.Findings.Where(f => f.Project is null)];
        db.Documents.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        var id = record.Id;
        db.ChangeTracker.Clear();

        // New entities only: nothing to detect beyond what Add already saw.
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await AddProjectsAsync(db, projects, projectFindings, id, cancellationToken);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }

        record.Projects = projects;
        return id;
    }

    private static async Task AddProjectsAsync(JixiaoDbContext db, List<ProjectRecord> projects, ILookup<ProjectRecord, FindingRecord> projectFindings, int id, CancellationToken cancellationToken)
    {
        for (var start = 0; start < projects.Count; start += Chunk)
        {
            foreach (var project in projects.Skip(start).Take(Chunk))
            {
                project.Document = null;
                project.DocumentId = id;
                project.Findings = [.. projectFindings[project]];
                foreach (var finding in project.Findings)
                {
                    finding.DocumentId = id;
                }

                db.Projects.Add(project);
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }
}
