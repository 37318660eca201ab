namespace Jixiao.Web.Features.Workflow;

/// <summary>The 审核意见书 of a table, for printing: decision, opinions, open findings with basis and correction, reviewer, date, space for the stamp.</summary>
[Access(Access.Read)]
public sealed class OpinionModel(DocumentWorkflow flow) : PageModel
{
    public Opinion Opinion { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await flow.OpinionAsync(id, cancellationToken) is not { } opinion)
        {
            return NotFound();
        }

        Opinion = opinion;
        return Page();
    }
}
