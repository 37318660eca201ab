namespace Jixiao.Web.Features.Workflow;

/// <summary>A project's change history: its own edits and its table's workflow steps.</summary>
[Access(Access.Read)]
public sealed class HistoryModel(WorkflowHistory history) : PageModel
{
    public int ProjectId { get; private set; }

    public string Name { get; private set; } = "";

    public int DocumentId { get; private set; }

    public IReadOnlyList<HistoryDto> Lines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await history.OfProjectAsync(id, cancellationToken) is not { } project)
        {
            return NotFound();
        }

        (ProjectId, Name, DocumentId, Lines) = (project.ProjectId, project.Name, project.DocumentId, project.Lines);
        return Page();
    }
}
