using Jixiao.Data;
using Jixiao.Web.Features.Documents;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Pages.Documents;

/// <summary>The stored tables, newest first.</summary>
public sealed class IndexModel(JixiaoDbContext db) : PageModel
{
    public IReadOnlyList<DocumentSummaryDto> Documents { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Documents = await db.Documents.AsNoTracking()
            .OrderByDescending(d => d.Id)
            .Select(d => new DocumentSummaryDto(d.Id, d.Unit!.Name, d.Title, d.Year, d.FileName, d.ImportedAt, d.Projects.Count, d.Score, d.ErrorCount, d.WarningCount, d.InfoCount))
            .ToListAsync(cancellationToken);
}
