using Jixiao.Web.Security;
using Jixiao.Data;
using Jixiao.Data.Records;
using Jixiao.Web.Features.Workflow;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Pages.Documents;

/// <summary>One table: its summary, the unit's findings and its projects, sortable, filterable and paged.</summary>
[Access(Access.Read)]
public sealed class DetailsModel(JixiaoDbContext db, DocumentWorkflow flow, CurrentUser user) : PageModel
{
    public const int PageSize = 50;

    public DocumentRecord Document { get; private set; } = null!;

    public IReadOnlyList<FindingRecord> UnitFindings { get; private set; } = [];

    public IReadOnlyList<ProjectRow> Projects { get; private set; } = [];

    public int Matching { get; private set; }

    /// <summary>Self-evaluation scores of the document's projects (those evaluated so far), with their grades.</summary>
    public IReadOnlyList<(decimal Score, string Grade)> Evaluations { get; private set; } = [];

    /// <summary>Review comments on this table (all versions), oldest first.</summary>
    public IReadOnlyList<CommentRecord> Comments { get; private set; } = [];

    /// <summary>The table's workflow steps and other changes, oldest first.</summary>
    public IReadOnlyList<HistoryDto> History { get; private set; } = [];

    /// <summary>Approved versions (number, approver) for the difference links.</summary>
    public IReadOnlyList<DocumentVersionRecord> Versions { get; private set; } = [];

    /// <summary>Names of the projects, for choosing the project a comment is about.</summary>
    public IReadOnlyList<(int Id, string Name)> ProjectNames { get; private set; } = [];

    public CurrentUser Viewer => user;

    [TempData]
    public string? Message { get; set; }

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
        Comments = await db.Comments.AsNoTracking().Where(c => c.DocumentId == id).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        History = await WorkflowApi.History(db.Audit.Where(a => a.DocumentId == id && a.Kind == "change" && a.ProjectId == null), cancellationToken);
        Versions = await db.DocumentVersions.AsNoTracking().Where(v => v.DocumentId == id).OrderBy(v => v.Number).ToListAsync(cancellationToken);
        if (user.May(WorkAction.Return, document.Status))
        {
            ProjectNames = [.. (await db.Projects.AsNoTracking().Where(p => p.DocumentId == id).OrderBy(p => p.Position).Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken)).Select(p => (p.Id, p.Name))];
        }

        Projects = await query.Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(p => new ProjectRow(p.Id, p.Position + 1, p.Name, p.TotalFen, p.FiscalFen, p.SpecialFen, p.OtherFen, p.Indicators.Count, p.Score, p.FindingCount))
            .ToListAsync(cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken cancellationToken) =>
        StepAsync(id, flow.SubmitAsync(id, cancellationToken), "已送审。");

    public Task<IActionResult> OnPostApproveAsync(int id, string? comment, CancellationToken cancellationToken) =>
        StepAsync(id, flow.ApproveAsync(id, comment, cancellationToken), "已批复。");

    public Task<IActionResult> OnPostReturnAsync(int id, string? comment, int? projectId, int? indicatorSeq, CancellationToken cancellationToken) =>
        StepAsync(id, flow.ReturnAsync(id, [new CommentInput(projectId, projectId is null ? null : indicatorSeq, comment ?? "")], cancellationToken), "已退回。");

    public Task<IActionResult> OnPostAdjustAsync(int id, CancellationToken cancellationToken) =>
        StepAsync(id, flow.AdjustAsync(id, cancellationToken), "已开始调整：生成了新版本（草稿），修改后请重新送审。");

    private async Task<IActionResult> StepAsync(int id, Task<StepOutcome> step, string done)
    {
        var outcome = await step;
        switch (outcome.Status)
        {
            case StepStatus.NotFound:
                return NotFound();
            case StepStatus.Refused:
                return StatusCode(StatusCodes.Status403Forbidden);
            case StepStatus.Invalid:
                Message = outcome.Message;
                break;
            default:
                Message = done;
                break;
        }

        return Redirect($"/documents/{id}");
    }

    /// <summary>One line of the projects table.</summary>
    public sealed record ProjectRow(int Id, int Number, string Name, long? TotalFen, long? FiscalFen, long? SpecialFen, long? OtherFen, int Indicators, decimal Score, int Findings);
}
