using Jixiao.Web.Security;
using Jixiao.Data;
using Jixiao.Web.Features.Documents;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Pages.Documents;

/// <summary>The stored tables, newest first.</summary>
[Access(Access.Read)]
public sealed class IndexModel(JixiaoDbContext db) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<DocumentSummaryDto> Documents { get; private set; } = [];

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public int Count { get; private set; }

    public int Pages => Math.Max(1, (Count + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Count = await db.Documents.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Documents = await db.Documents.AsNoTracking()
            .OrderByDescending(d => d.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(d => new DocumentSummaryDto(d.Id, d.Unit!.Name, d.Title, d.Year, d.FileName, d.ImportedAt, d.Projects.Count, d.Score, d.ErrorCount, d.WarningCount, d.InfoCount))
            .ToListAsync(cancellationToken);
    }
}
