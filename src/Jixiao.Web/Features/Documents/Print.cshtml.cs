namespace Jixiao.Web.Features.Documents;

/// <summary>The table in the published layout, for printing on A4 landscape.</summary>
[Access(Access.Read)]
public sealed class PrintModel(DocumentQueries documents) : PageModel
{
    public TargetDocument Document { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await documents.DomainAsync(id, cancellationToken) is not { } document)
        {
            return NotFound();
        }

        Document = document;
        return Page();
    }
}
