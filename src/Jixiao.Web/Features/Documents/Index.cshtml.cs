namespace Jixiao.Web.Features.Documents;

/// <summary>The stored tables, newest first.</summary>
[Access(Access.Read)]
public sealed class IndexModel(DocumentQueries documents) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<DocumentSummaryDto> Documents { get; private set; } = [];

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public int Count { get; private set; }

    public int Pages => Math.Max(1, (Count + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Count = await documents.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Documents = await documents.ListAsync(PageNumber, PageSize, cancellationToken);
    }
}
