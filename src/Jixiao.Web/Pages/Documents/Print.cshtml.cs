using Jixiao.Web.Security;
using Jixiao.Data;
using Jixiao.Domain.Documents;
using Jixiao.Web.Features.Documents;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Pages.Documents;

/// <summary>The table in the published layout, for printing on A4 landscape.</summary>
[Access(Access.Read)]
public sealed class PrintModel(JixiaoDbContext db) : PageModel
{
    public TargetDocument Document { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var record = (await DocumentImporter.LoadAsync(db.Documents.Where(d => d.Id == id), cancellationToken)).SingleOrDefault();
        if (record is null)
        {
            return NotFound();
        }

        Document = Data.DocumentMapping.ToDomain(record);
        return Page();
    }
}
