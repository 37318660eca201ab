namespace Jixiao.Web.Features.Workflow;

/// <summary>What changed in the targets between two versions of a table.</summary>
[Access(Access.Read)]
public sealed class DiffModel(Documents.DocumentQueries documents, DocumentWorkflow flow) : PageModel
{
    public int DocumentId { get; private set; }

    public string Unit { get; private set; } = "";

    [BindProperty(SupportsGet = true)]
    public int From { get; set; } = 1;

    [BindProperty(SupportsGet = true)]
    public int To { get; set; } = 2;

    public IReadOnlyList<TargetChange> Changes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var unit = await documents.UnitNameAsync(id, cancellationToken);
        if (unit is null || await flow.DiffAsync(id, From, To, cancellationToken) is not { } changes)
        {
            return NotFound();
        }

        (DocumentId, Unit, Changes) = (id, unit, changes);
        return Page();
    }
}
