using Jixiao.Web.Infrastructure;

namespace Jixiao.Web.Features.Documents;

/// <summary>
/// The one place a table is reviewed: together with its unit's other stored tables (so a target lowered
/// since last year is found), by the rules of the unit's region. Imports, edits, the review endpoint and
/// the review again at start after the rules changed all come here.
/// </summary>
public sealed class UnitReview(JixiaoDbContext db, RegionRules rules, ImportSettings settings)
{
    private UnitNodes? _tree;

    /// <summary>The rules of the unit <paramref name="unitId"/> (the defaults for a unit not yet stored).</summary>
    public async Task<RulesInForce> RulesForAsync(int? unitId, CancellationToken cancellationToken)
    {
        if (unitId is not { } id || rules.Regions.Count == 0)
        {
            return rules.Default;
        }

        // The tree is read once per request (or per start-up review), however many units are asked about.
        _tree ??= await UnitNodes.LoadAsync(db, cancellationToken);
        return rules.For(_tree.SelfAndAncestors(id).Select(node => node.Name));
    }

    /// <summary>
    /// Reviews <paramref name="document"/> of the unit <paramref name="unitId"/> (null for a unit not yet
    /// stored) with the unit's stored tables, less <paramref name="leaveOut"/>; returns the whole report,
    /// the document first, and the rules it was made by.
    /// </summary>
    public async Task<(ReviewReport Report, RulesInForce Rules)> ReviewAsync(TargetDocument document, int? unitId, int? leaveOut, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var inForce = await RulesForAsync(unitId, cancellationToken);
        var earlier = unitId is { } id && DocumentMapping.YearOf(document) is { } year ? await EarlierAsync(id, year, leaveOut, cancellationToken) : [];
        return (Reviewer.Review(document, earlier, inForce.Settings), inForce);
    }

    /// <summary>The review of the stored table <paramref name="documentId"/> alone (its own findings, year-on-year ones included); null when there is none.</summary>
    public async Task<ReviewReport?> StoredAsync(int documentId, CancellationToken cancellationToken)
    {
        if ((await LoadAsync(db.Documents.Where(d => d.Id == documentId), cancellationToken)).SingleOrDefault() is not { } record)
        {
            return null;
        }

        var document = DocumentMapping.ToDomain(record);
        var (report, _) = await ReviewAsync(document, record.UnitId, documentId, cancellationToken);
        return report with { Documents = [report.Documents[0]], Findings = [.. report.Findings.Where(f => ReferenceEquals(f.Document, document))] };
    }

    /// <summary>Reviews the stored table again and replaces its stored findings, scores and rules fingerprint.</summary>
    public async Task ReviewAgainAsync(int documentId, CancellationToken cancellationToken)
    {
        var stored = (await LoadAsync(db.Documents.Where(d => d.Id == documentId), cancellationToken)).Single();
        var (report, inForce) = await ReviewAsync(DocumentMapping.ToDomain(stored), stored.UnitId, documentId, cancellationToken);
        await db.Findings.Where(f => f.DocumentId == documentId).ExecuteDeleteAsync(cancellationToken);
        var tracked = await db.Documents.Include(d => d.Projects).FirstAsync(d => d.Id == documentId, cancellationToken);
        DocumentMapping.ApplyReview(tracked, report.Documents[0]);
        tracked.RulesDigest = inForce.Digest;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Reviews again every stored table whose review was made by other rules than its region's now
    /// (the rules files changed since), oldest year first so each is compared with the years before it.
    /// </summary>
    public async Task<int> ReviewOutdatedAsync(Action<int, int> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var stored = await db.Documents.IgnoreQueryFilters().AsNoTracking()
            .Select(d => new { d.Id, d.UnitId, d.Year, d.RulesDigest }).ToListAsync(cancellationToken);
        var byUnit = new Dictionary<int, string>();
        var outdated = new List<int>();
        foreach (var document in stored.OrderBy(d => d.Year ?? 0).ThenBy(d => d.Id))
        {
            if (!byUnit.TryGetValue(document.UnitId, out var digest))
            {
                digest = byUnit[document.UnitId] = (await RulesForAsync(document.UnitId, cancellationToken)).Digest;
            }

            if (document.RulesDigest != digest)
            {
                outdated.Add(document.Id);
            }
        }

        for (var i = 0; i < outdated.Count; i++)
        {
            await ReviewAgainAsync(outdated[i], cancellationToken);
            db.ChangeTracker.Clear();
            progress(i + 1, outdated.Count);
        }

        return outdated.Count;
    }

    /// <summary>
    /// The stored tables a table of <paramref name="year"/> is compared with: the unit's tables of the nearest
    /// earlier year (what the year-on-year rules compare with), as many as fit in one upload's project limit.
    /// However many years and versions the unit has stored, this is one year's tables, so an upload takes the
    /// same time for a unit with a long history as for a new one.
    /// </summary>
    private async Task<List<TargetDocument>> EarlierAsync(int unitId, int year, int? leaveOut, CancellationToken cancellationToken)
    {
        var stored = db.Documents.Where(d => d.UnitId == unitId && d.Id != leaveOut && d.Year < year);
        var nearest = await stored.MaxAsync(d => d.Year, cancellationToken);
        if (nearest is null)
        {
            return [];
        }

        var sizes = await stored.Where(d => d.Year == nearest).OrderByDescending(d => d.Id)
            .Select(d => new { d.Id, Projects = d.Projects.Count }).Take(100).ToListAsync(cancellationToken);
        var chosen = new List<int>();
        var budget = settings.Options.MaxProjects;
        foreach (var size in sizes.Where(size => size.Projects <= budget))
        {
            chosen.Add(size.Id);
            budget -= size.Projects;
        }

        // Only the domain documents are kept: the records they were read from are let go at once.
        return [.. (await LoadAsync(db.Documents.Where(d => chosen.Contains(d.Id)), cancellationToken)).Select(DocumentMapping.ToDomain)];
    }

    /// <summary>Documents with everything the domain needs (unit, projects, indicators), read without tracking.</summary>
    public static Task<List<DocumentRecord>> LoadAsync(IQueryable<DocumentRecord> query, CancellationToken cancellationToken) =>
        query.AsNoTracking().AsSplitQuery()
            .Include(d => d.Unit)
            .Include(d => d.Projects).ThenInclude(p => p.Indicators)
            .ToListAsync(cancellationToken);
}
