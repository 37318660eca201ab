using Jixiao.Data;
using Jixiao.Web.Features.Workflow;
using Jixiao.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Pages.Projects;

/// <summary>A project's history: its own changes and its table's workflow steps, each with its author.</summary>
[Access(Access.Read)]
public sealed class HistoryModel(JixiaoDbContext db) : PageModel
{
    public int ProjectId { get; private set; }

    public string Name { get; private set; } = "";

    public int DocumentId { get; private set; }

    public IReadOnlyList<HistoryDto> Lines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Name, p.DocumentId }).FirstOrDefaultAsync(cancellationToken);
        if (project is null)
        {
            return NotFound();
        }

        (ProjectId, Name, DocumentId) = (id, project.Name, project.DocumentId);
        Lines = await WorkflowApi.History(WorkflowApi.ProjectHistoryQuery(db, id, project.DocumentId), cancellationToken);
        return Page();
    }
}
