using Jixiao.Data;
using Jixiao.Data.Records;
using Jixiao.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Pages.Admin;

/// <summary>The audit trail, newest first: changes and refused requests (administrators only).</summary>
[Access(Access.Admin)]
public sealed class AuditModel(JixiaoDbContext db) : PageModel
{
    public const int PageSize = 200;

    public IReadOnlyList<AuditRecord> Lines { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = db.Audit.AsNoTracking();
        if (Kind is "change" or "security")
        {
            query = query.Where(a => a.Kind == Kind);
        }

        PageNumber = Math.Max(PageNumber, 1);
        Lines = await query.OrderByDescending(a => a.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
    }
}
