using Jixiao.Data;
using Jixiao.Data.Records;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Pages.Documents;

/// <summary>One table: its summary, the unit's findings and its projects, sortable, filterable and paged.</summary>
public sealed class DetailsModel(JixiaoDbContext db) : PageModel
{
    public const int PageSize = 50;

    public DocumentRecord Document { get; private set; } = null!;

    public IReadOnlyList<FindingRecord> UnitFindings { get; private set; } = [];

    public IReadOnlyList<ProjectRow> Projects { get; private set; } = [];

    public int Matching { get; private set; }

    /// <summary>Self-evaluation scores of the document's projects (those evaluated so far), with their grades.</summary>
    public IReadOnlyList<(decimal Score, string Grade)> Evaluations { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Sort { get; set; } = "position";

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public int Pages => Math.Max(1, (Matching + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var document = await db.Documents.AsNoTracking().Include(d => d.Unit).FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is null)
        {
            return NotFound();
        }

        Document = document;
        Evaluations = [.. (await db.SelfEvaluations.AsNoTracking()
            .Where(s => db.Projects.Any(p => p.Id == s.ProjectId && p.DocumentId == id))
            .Select(s => new { s.Score, s.Grade }).ToListAsync(cancellationToken)).Select(s => (s.Score, s.Grade))];
        UnitFindings = await db.Findings.AsNoTracking().Where(f => f.DocumentId == id && f.ProjectId == null).OrderBy(f => f.Id).ToListAsync(cancellationToken);

        var query = db.Projects.AsNoTracking().Where(p => p.DocumentId == id);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            query = query.Where(p => p.Name.Contains(q) || p.Goal.Contains(q));
        }

        Matching = await query.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        query = Sort switch
        {
            "score" => query.OrderBy(p => p.Score).ThenBy(p => p.Position),
            "total" => query.OrderByDescending(p => p.TotalFen).ThenBy(p => p.Position),
            "findings" => query.OrderByDescending(p => p.FindingCount).ThenBy(p => p.Position),
            "name" => query.OrderBy(p => p.Name).ThenBy(p => p.Position),
            _ => query.OrderBy(p => p.Position),
        };
        Projects = await query.Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(p => new ProjectRow(p.Id, p.Position + 1, p.Name, p.TotalFen, p.FiscalFen, p.SpecialFen, p.OtherFen, p.Indicators.Count, p.Score, p.FindingCount))
            .ToListAsync(cancellationToken);
        return Page();
    }

    /// <summary>One line of the projects table.</summary>
    public sealed record ProjectRow(int Id, int Number, string Name, long? TotalFen, long? FiscalFen, long? SpecialFen, long? OtherFen, int Indicators, decimal Score, int Findings);
}
